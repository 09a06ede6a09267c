package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
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
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

class RiskAssessmentServiceTest {

    static final Long SYSTEM = 7L;
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    RiskRepository risks = mock(RiskRepository.class);
    RiskSeverityService severities = mock(RiskSeverityService.class);
    InventoryService inventory = mock(InventoryService.class);
    RiskAssessmentService service = new RiskAssessmentService(risks, severities, inventory,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        when(severities.currentMatrix()).thenReturn(RiskFixtures.defaultMatrix());
    }

    @Test
    void highOrCriticalRisksThatAreOpenOrInTreatmentBlock() {
        cells(new RiskCell(3, 4, RiskStatus.OPEN, false, 2),          // HIGH
                new RiskCell(5, 5, RiskStatus.IN_TREATMENT, false, 1)); // CRITICAL
        Risk critical = risk(11L, "Model theft", 5, 5, RiskStatus.IN_TREATMENT);
        Risk high = risk(9L, "Prompt injection", 3, 4, RiskStatus.OPEN);
        when(risks.findInCells(eq(SYSTEM), anyCollection(), any())).thenReturn(List.of(critical, high));

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

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Integer>> blockingCells = ArgumentCaptor.forClass(Collection.class);
        ArgumentCaptor<Pageable> page = ArgumentCaptor.forClass(Pageable.class);
        verify(risks).findInCells(eq(SYSTEM), blockingCells.capture(), page.capture());
        assertThat(blockingCells.getValue()).containsExactlyInAnyOrder(34, 55);
        assertThat(page.getValue()).isEqualTo(PageRequest.of(0, RiskAssessmentService.NAMED_RISKS));
    }

    @Test
    void onlyStatusesThatCanBlockAreCounted() {
        cells();

        service.assess(SYSTEM);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<RiskStatus>> statuses = ArgumentCaptor.forClass(Collection.class);
        verify(risks).countByCell(eq(SYSTEM), statuses.capture(), anyCollection(), anyCollection());
        assertThat(statuses.getValue()).containsExactlyInAnyOrder(RiskStatus.OPEN, RiskStatus.IN_TREATMENT,
                RiskStatus.ACCEPTED);
    }

    /** The aggregate reads only likelihoods and impacts that form a HIGH or CRITICAL cell of the deployed matrix. */
    @Test
    void onlyLikelihoodsAndImpactsOfSevereCellsAreRead() {
        cells();

        service.assess(SYSTEM);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Integer>> likelihoods = ArgumentCaptor.forClass(Collection.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Integer>> impacts = ArgumentCaptor.forClass(Collection.class);
        verify(risks).countByCell(eq(SYSTEM), anyCollection(), likelihoods.capture(), impacts.capture());
        // Default matrix: HIGH from 2 x 5, 3 x 4, 4 x 3 and 5 x 2 upwards; 1 x anything is at most MEDIUM.
        assertThat(likelihoods.getValue()).containsExactlyInAnyOrder(2, 3, 4, 5);
        assertThat(impacts.getValue()).containsExactlyInAnyOrder(2, 3, 4, 5);
    }

    @Test
    void aHighRiskAcceptedByTheBoardDoesNotBlock() {
        cells(new RiskCell(4, 4, RiskStatus.ACCEPTED, true, 3));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isFalse();
        assertThat(assessment.unresolvedHighRiskCount()).isZero();
        assertThat(assessment.reasons()).isEmpty();
        verify(risks, never()).findInCells(anyLong(), anyCollection(), any());
    }

    @Test
    void aHighRiskAcceptedWithoutBoardAuthorityBlocks() {
        cells(new RiskCell(4, 4, RiskStatus.ACCEPTED, false, 1));
        Risk accepted = risk(5L, "Bias against applicants", 4, 4, RiskStatus.ACCEPTED);
        when(risks.findInCells(eq(SYSTEM), anyCollection(), any())).thenReturn(List.of(accepted));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isTrue();
        assertThat(assessment.blockingRisks()).singleElement()
                .satisfies(b -> assertThat(b.acceptedWithoutAuthority()).isTrue());
        assertThat(assessment.reasons()).containsExactly(
                "Risk 5 'Bias against applicants' is HIGH (accepted without governance-board authority)");
    }

    @Test
    void mediumAndLowRisksNeverBlockWhateverTheirStatus() {
        cells(new RiskCell(3, 3, RiskStatus.OPEN, false, 5),          // MEDIUM
                new RiskCell(1, 5, RiskStatus.IN_TREATMENT, false, 2), // MEDIUM
                new RiskCell(2, 4, RiskStatus.ACCEPTED, false, 1),     // MEDIUM, accepted by a product owner
                new RiskCell(1, 1, RiskStatus.OPEN, false, 9));        // LOW

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.blocked()).isFalse();
        assertThat(assessment.unresolvedHighRiskCount()).isZero();
        verify(risks, never()).findInCells(anyLong(), anyCollection(), any());
    }

    @Test
    void countsAddUpAcrossCellsAndOnlyBlockingCellsAreFetched() {
        cells(new RiskCell(2, 5, RiskStatus.OPEN, false, 2),           // HIGH, blocks
                new RiskCell(2, 5, RiskStatus.ACCEPTED, false, 4),     // HIGH, accepted without authority: blocks
                new RiskCell(2, 5, RiskStatus.ACCEPTED, true, 8),      // HIGH, board accepted: no
                new RiskCell(5, 4, RiskStatus.IN_TREATMENT, false, 1), // CRITICAL, blocks
                new RiskCell(3, 3, RiskStatus.OPEN, false, 16));       // MEDIUM: no
        Risk worst = risk(1L, "A", 5, 4, RiskStatus.IN_TREATMENT);
        when(risks.findInCells(eq(SYSTEM), anyCollection(), any())).thenReturn(List.of(worst));

        RiskAssessment assessment = service.assess(SYSTEM);

        assertThat(assessment.unresolvedHighRiskCount()).isEqualTo(7);
        assertThat(assessment.reasons()).hasSize(2).last().isEqualTo("... and 6 more unresolved HIGH or CRITICAL risks");
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Collection<Integer>> blockingCells = ArgumentCaptor.forClass(Collection.class);
        verify(risks).findInCells(eq(SYSTEM), blockingCells.capture(), any());
        assertThat(blockingCells.getValue()).containsExactlyInAnyOrder(25, 54);
    }

    @Test
    void anUnknownSystemIsRefusedBeforeReadingTheRegister() {
        when(inventory.requireSystem(99L)).thenThrow(new NotFoundException("systemId", "No AI system 99."));

        assertThatThrownBy(() -> service.assess(99L)).isInstanceOf(NotFoundException.class);
        verify(risks, never()).countByCell(any(), any(), any(), any());
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
        assertThat(RiskAssessmentService.isUnresolved(severity, status, acceptedByBoard)).isEqualTo(unresolved);
    }

    private void cells(RiskCell... cells) {
        when(risks.countByCell(eq(SYSTEM), anyCollection(), anyCollection(), anyCollection())).thenReturn(List.of(cells));
    }

    private static Risk risk(Long id, String title, int likelihood, int impact, RiskStatus status) {
        Risk risk = mock(Risk.class);
        when(risk.getId()).thenReturn(id);
        when(risk.getTitle()).thenReturn(title);
        when(risk.getCurrentLikelihood()).thenReturn(likelihood);
        when(risk.getCurrentImpact()).thenReturn(impact);
        when(risk.getStatus()).thenReturn(status);
        return risk;
    }
}
