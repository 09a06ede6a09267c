package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskAssessmentServiceTest {

    static final Long SYSTEM = 7L;
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    RiskRepository risks = mock(RiskRepository.class);
    RiskCellTally tally = mock(RiskCellTally.class);
    RiskSeverityService severities = mock(RiskSeverityService.class);
    InventoryService inventory = mock(InventoryService.class);
    RiskAssessmentService service = new RiskAssessmentService(risks, tally, severities, inventory,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        when(severities.currentMatrix()).thenReturn(RiskFixtures.defaultMatrix());
    }

    @Test
    void highOrCriticalCellsWithRisksThatCanBlockBlock() {
        tally(Map.of(new RiskCell(3, 4), 2L,   // HIGH
                new RiskCell(5, 5), 1L));       // CRITICAL
        RiskHeadline critical = new RiskHeadline(11L, "Model theft", RiskStatus.IN_TREATMENT, 5, 5);
        RiskHeadline high = new RiskHeadline(9L, "Prompt injection", RiskStatus.OPEN, 3, 4);
        when(risks.findWorstBlocking(eq(SYSTEM), anyCollection(), anyInt())).thenReturn(List.of(critical, high));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isTrue();
        assertThat(assessment.unresolvedHighRiskCount()).isEqualTo(3);
        assertThat(assessment.blockingRisks()).containsExactly(
                new RiskAssessment.BlockingRisk(11L, "Model theft", Severity.CRITICAL, RiskStatus.IN_TREATMENT, false),
                new RiskAssessment.BlockingRisk(9L, "Prompt injection", Severity.HIGH, RiskStatus.OPEN, false));
        assertThat(assessment.reasons()).containsExactly(
                "Risk 11 'Model theft' is CRITICAL (status IN_TREATMENT)",
                "Risk 9 'Prompt injection' is HIGH (status OPEN)",
                "... and 1 more unresolved HIGH or CRITICAL risks");
        assertThat(assessment.systemId()).isEqualTo(SYSTEM);
        assertThat(assessment.severityDecisionId()).isEqualTo(RiskFixtures.DEFINITION_ID);
        assertThat(assessment.assessedAt()).isEqualTo(NOW);

        // No more than there are: the index scan stops at the last blocking risk.
        verify(risks).findWorstBlocking(SYSTEM, Set.of(34, 55), 3);
    }

    @Test
    void atMostFiftyAreNamedWhateverTheCount() {
        tally(Map.of(new RiskCell(4, 4), 10_145L));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.unresolvedHighRiskCount()).isEqualTo(10_145);
        verify(risks).findWorstBlocking(SYSTEM, Set.of(44), RiskAssessmentService.NAMED_RISKS);
    }

    @Test
    void anAcceptanceWithoutBoardAuthorityIsNamedAsSuch() {
        tally(Map.of(new RiskCell(4, 4), 1L));
        RiskHeadline accepted = new RiskHeadline(5L, "Bias against applicants", RiskStatus.ACCEPTED, 4, 4);
        when(risks.findWorstBlocking(eq(SYSTEM), anyCollection(), anyInt())).thenReturn(List.of(accepted));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isTrue();
        assertThat(assessment.blockingRisks()).singleElement()
                .satisfies(b -> assertThat(b.acceptedWithoutAuthority()).isTrue());
        assertThat(assessment.reasons()).containsExactly(
                "Risk 5 'Bias against applicants' is HIGH (accepted without governance-board authority)");
    }

    @Test
    void mediumAndLowCellsNeverBlockWhateverTheirCount() {
        tally(Map.of(new RiskCell(3, 3), 5L,   // MEDIUM
                new RiskCell(1, 5), 2L,         // MEDIUM
                new RiskCell(2, 4), 1L,         // MEDIUM
                new RiskCell(1, 1), 9L));       // LOW

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isFalse();
        assertThat(assessment.unresolvedHighRiskCount()).isZero();
        assertThat(assessment.reasons()).isEmpty();
        verify(risks, never()).findWorstBlocking(anyLong(), anyCollection(), anyInt());
    }

    @Test
    void countsAddUpAcrossSevereCellsAndOnlyCellsWithRisksAreRead() {
        tally(Map.of(new RiskCell(2, 5), 6L,   // HIGH
                new RiskCell(5, 4), 1L,         // CRITICAL
                new RiskCell(5, 5), 0L,         // CRITICAL, empty
                new RiskCell(3, 3), 16L));      // MEDIUM
        when(risks.findWorstBlocking(eq(SYSTEM), anyCollection(), anyInt()))
                .thenReturn(List.of(new RiskHeadline(1L, "A", RiskStatus.IN_TREATMENT, 5, 4)));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.unresolvedHighRiskCount()).isEqualTo(7);
        assertThat(assessment.reasons()).hasSize(2).last().isEqualTo("... and 6 more unresolved HIGH or CRITICAL risks");
        verify(risks).findWorstBlocking(SYSTEM, Set.of(25, 54), 7);
    }

    /** Counts are kept per cell, so a newly deployed matrix applies to the next assessment without recounting. */
    @Test
    void theDeployedMatrixDecidesWhichCellsBlock() {
        tally(Map.of(new RiskCell(1, 1), 4L, new RiskCell(5, 5), 3L));
        Severity[][] inverted = new Severity[5][5];
        for (Severity[] row : inverted) {
            java.util.Arrays.fill(row, Severity.LOW);
        }
        inverted[0][0] = Severity.CRITICAL;
        when(severities.currentMatrix()).thenReturn(new SeverityMatrix("risk-severity:2:xyz", inverted));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.unresolvedHighRiskCount()).isEqualTo(4);
        assertThat(assessment.severityDecisionId()).isEqualTo("risk-severity:2:xyz");
        verify(risks).findWorstBlocking(SYSTEM, Set.of(11), 4);
    }

    @Test
    void anUnknownSystemIsRefused() {
        when(tally.countsOf(99L)).thenReturn(Map.of());
        when(inventory.requireSystem(99L)).thenThrow(new NotFoundException("systemId", "No AI system 99."));

        assertThatThrownBy(() -> service.assess(99L)).isInstanceOf(NotFoundException.class);
        verify(risks, never()).findWorstBlocking(any(), any(), anyInt());
    }

    @Test
    void aSystemWithoutATallyIsAnErrorNotAClearRegister() {
        when(tally.countsOf(SYSTEM)).thenReturn(Map.of());

        assertThatThrownBy(() -> service.assess(SYSTEM)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no risk tally");
    }

    @ParameterizedTest(name = "{0} {1} board={2} -> unresolved={3}")
    @CsvSource({
            "HIGH, OPEN, false, true",
            "HIGH, OPEN, true, true",
            "HIGH, IN_TREATMENT, false, true",
            "HIGH, ACCEPTED, false, true",
            "HIGH, ACCEPTED, true, false",
            "HIGH, MITIGATED, false, false",
            "HIGH, CLOSED, false, false",
            "CRITICAL, OPEN, false, true",
            "CRITICAL, IN_TREATMENT, false, true",
            "CRITICAL, ACCEPTED, false, true",
            "CRITICAL, ACCEPTED, true, false",
            "CRITICAL, MITIGATED, false, false",
            "CRITICAL, CLOSED, false, false",
            "MEDIUM, OPEN, false, false",
            "MEDIUM, IN_TREATMENT, false, false",
            "MEDIUM, ACCEPTED, false, false",
            "LOW, OPEN, false, false",
            "LOW, ACCEPTED, false, false"})
    void isUnresolved(Severity severity, RiskStatus status, boolean acceptedByBoard, boolean unresolved) {
        assertThat(RegisterCountedTheSlowWay.isUnresolved(severity, status, acceptedByBoard)).isEqualTo(unresolved);
    }

    /** The system's 25 cells: the given counts, zero elsewhere. */
    private void tally(Map<RiskCell, Long> counts) {
        Map<RiskCell, Long> all = new HashMap<>();
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                RiskCell cell = new RiskCell(likelihood, impact);
                all.put(cell, counts.getOrDefault(cell, 0L));
            }
        }
        when(tally.countsOf(SYSTEM)).thenReturn(all);
    }
}
