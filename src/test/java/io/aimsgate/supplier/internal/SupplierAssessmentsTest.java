package io.aimsgate.supplier.internal;

import static io.aimsgate.gate.LifecycleFixtures.CLOCK;
import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.shared.InvalidCommandException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Supplier vetting's rules without the engine: when a third-party system has a current passed assessment. */
class SupplierAssessmentsTest {

    static final long SYSTEM = 5L;

    SupplierAssessmentRepository repository = mock(SupplierAssessmentRepository.class);
    LifecycleGateService gates = mock(LifecycleGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    AiSystem system = mock(AiSystem.class);
    SupplierAssessments assessments = new SupplierAssessments(repository, gates, inventory,
            new SupplierProperties("P12M"), CLOCK);

    @BeforeEach
    void setUp() {
        when(system.getId()).thenReturn(SYSTEM);
        when(system.getSupplierType()).thenReturn(SupplierType.THIRD_PARTY);
        when(system.getSupplierName()).thenReturn("Example LLM Vendor");
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.DEPLOYMENT);
        when(inventory.requireSystem(SYSTEM)).thenReturn(system);
        when(repository.save(any())).thenAnswer(call -> call.getArgument(0));
    }

    @Test
    void anInHouseSystemNeedsNoAssessment() {
        when(system.getSupplierType()).thenReturn(SupplierType.IN_HOUSE);
        assertThat(assessments.unmetFor(SYSTEM)).isEmpty();
        assertThat(assessments.standing(system).required()).isFalse();
        assertThat(assessments.needsAssessment(SYSTEM)).isFalse();
    }

    @Test
    void aThirdPartySystemNeverAssessedIsRefusedNamingItsSupplier() {
        when(gates.historyOf(SYSTEM)).thenReturn(List.of(LifecycleFixtures.closedGate(1, SYSTEM,
                GateKind.INCEPTION, GateRunStatus.PASSED, NOW.minusSeconds(9000))));
        assertThat(assessments.unmetFor(SYSTEM)).singleElement().asString().contains("Example LLM Vendor")
                .contains("has not been assessed").contains("A.10.3").doesNotContain("in progress");
    }

    @Test
    void anAssessmentInProgressIsNotCurrentYet() {
        when(gates.historyOf(SYSTEM)).thenReturn(List.of(LifecycleFixtures.gate(2, SYSTEM,
                GateKind.SUPPLIER_ASSESSMENT, "pi-2", "olivia")));
        assertThat(assessments.unmetFor(SYSTEM)).singleElement().asString().contains("in progress");
    }

    @Test
    void aPassedAssessmentIsCurrentUntilItsIntervalHasElapsed() {
        GateRun passed = LifecycleFixtures.closedGate(3, SYSTEM, GateKind.SUPPLIER_ASSESSMENT, GateRunStatus.PASSED,
                NOW.minus(Duration.ofDays(30)));
        when(gates.historyOf(SYSTEM)).thenReturn(List.of(passed));
        SupplierAssessment assessment = assessment(3);
        assessment.currentUntil(NOW.plus(Duration.ofDays(1)));
        when(repository.findById(3L)).thenReturn(Optional.of(assessment));
        assertThat(assessments.unmetFor(SYSTEM)).isEmpty();
        assertThat(assessments.standing(system).current()).isTrue();

        assessment.currentUntil(NOW);
        assertThat(assessments.unmetFor(SYSTEM)).singleElement().asString().contains("was current until " + NOW)
                .contains("re-assessed");
    }

    @Test
    void aRejectedReassessmentRevokesTheEarlierPass() {
        Instant earlier = NOW.minus(Duration.ofDays(40));
        GateRun passed = LifecycleFixtures.closedGate(3, SYSTEM, GateKind.SUPPLIER_ASSESSMENT, GateRunStatus.PASSED,
                earlier);
        GateRun rejected = LifecycleFixtures.closedGate(4, SYSTEM, GateKind.SUPPLIER_ASSESSMENT,
                GateRunStatus.REJECTED, NOW.minus(Duration.ofDays(1)));
        when(gates.historyOf(SYSTEM)).thenReturn(List.of(passed, rejected));
        SupplierAssessment assessment = assessment(3);
        assessment.currentUntil(NOW.plus(Duration.ofDays(300)));
        when(repository.findById(3L)).thenReturn(Optional.of(assessment));
        assertThat(assessments.unmetFor(SYSTEM)).singleElement().asString().contains("gate run 4")
                .contains("ended REJECTED");
    }

    @Test
    void passingMakesTheAssessmentCurrentForTheIntervalFromTheDecision() {
        SupplierAssessment assessment = assessment(6);
        when(repository.findById(6L)).thenReturn(Optional.of(assessment));
        GateRun run = LifecycleFixtures.closedGate(6, SYSTEM, GateKind.SUPPLIER_ASSESSMENT, GateRunStatus.PASSED,
                NOW.minusSeconds(60));
        when(gates.pass(6L, "supplier-approval")).thenReturn(run);
        assessments.pass(6L, "supplier-approval");
        assertThat(assessment.getValidUntil()).isEqualTo(run.getDecidedAt().atZone(java.time.ZoneOffset.UTC)
                .plusMonths(12).toInstant());
    }

    @Test
    void passingWithoutDueDiligenceIsRefusedBeforeTheRunCloses() {
        when(repository.findById(7L)).thenReturn(Optional.empty());
        assertThatThrownBy(() -> assessments.pass(7L, "supplier-approval")).isInstanceOf(IllegalStateException.class);
        verify(gates, never()).pass(any(), any());
    }

    @Test
    void dueDiligenceBreakingTheFormsRulesIsRefusedNamingTheField() {
        DueDiligence tooShort = new DueDiligence("Licensed corpus, sources listed.", "Model card received.",
                "ISO 27001 certificate seen.", "Within 72 hours by e-mail.", "No training on our data.",
                "Yearly audit report.", "None");
        assertThatThrownBy(() -> assessments.record(8L, tooShort, "olivia"))
                .isInstanceOfSatisfying(InvalidCommandException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("exitPlan"));
        verify(repository, never()).save(any());
    }

    @Test
    void aRetiredSystemNeedsNoReassessment() {
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.RETIREMENT);
        assertThat(assessments.needsAssessment(SYSTEM)).isFalse();
    }

    private static SupplierAssessment assessment(long runId) {
        return new SupplierAssessment(runId, SYSTEM, "Example LLM Vendor", new DueDiligence(
                "Licensed corpus, sources listed.", "Model card received in full.", "ISO 27001 certificate seen.",
                "Within 72 hours by e-mail.", "No training on our data, EU only.", "Yearly audit report received.",
                "Fall back to the FAQ search."), "olivia", NOW.minusSeconds(600));
    }
}
