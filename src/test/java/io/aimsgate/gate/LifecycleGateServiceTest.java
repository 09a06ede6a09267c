package io.aimsgate.gate;

import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateDecisionRepository;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateRunRepository;
import static io.aimsgate.gate.LifecycleFixtures.CLOCK;
import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.decision;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static io.aimsgate.gate.GateKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.ConflictException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gate runs' rules, decided from our tables: which gate a system may enter, in whose name a run passes or ends,
 * where the system goes next, and who may not decide.
 */
class LifecycleGateServiceTest {

    static final long SYSTEM = 7L;
    static final long GATE = 42L;

    GateRunRepository gates = mock(GateRunRepository.class);
    GateDecisionRepository decisions = mock(GateDecisionRepository.class);
    InventoryService inventory = mock(InventoryService.class);
    InformedParties informed = mock(InformedParties.class);
    io.aimsgate.shared.ledger.DecisionLedger ledger = BoundApprovalFixtures.ledger();
    GateDecisions runs = new GateDecisions(gates, decisions, event -> { }, CLOCK, ledger);
    RequiredEvidence requiredEvidence = mock(RequiredEvidence.class);
    LifecycleGateService service = new LifecycleGateService(runs, inventory, informed, requiredEvidence);

    AiSystem system = mock(AiSystem.class);

    @BeforeEach
    void setUp() {
        when(system.getId()).thenReturn(SYSTEM);
        when(system.getName()).thenReturn("Credit scoring");
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.DESIGN_AND_DEVELOPMENT);
        when(inventory.requireSystem(SYSTEM)).thenReturn(system);
        when(gates.findOpenRun(anyString(), eq(GateRunStatus.IN_PROGRESS)))
                .thenReturn(Optional.empty());
        when(gates.findBySystemIdAndKindAndStatus(any(), any(), any())).thenReturn(List.of());
        when(gates.save(any())).thenAnswer(call -> call.getArgument(0));
        when(gates.kindsWithStatus(SYSTEM, GateRunStatus.PASSED)).thenReturn(List.of());
    }

    private void passed(GateKind... kinds) {
        when(gates.kindsWithStatus(SYSTEM, GateRunStatus.PASSED)).thenReturn(List.of(kinds));
    }

    // --- entry rules ---

    @Test
    void inceptionNeedsNothingBefore() {
        assertThat(service.entryBlockers(SYSTEM, INCEPTION)).isEmpty();
    }

    @Test
    void designNeedsInceptionPassed() {
        assertThat(service.entryBlockers(SYSTEM, DESIGN_AND_DEVELOPMENT))
                .containsExactly("The inception gate has not been passed.");
        passed(INCEPTION);
        assertThat(service.entryBlockers(SYSTEM, DESIGN_AND_DEVELOPMENT)).isEmpty();
    }

    @Test
    void verificationAndValidationNeedsDesignPassed() {
        passed(INCEPTION);
        assertThat(service.entryBlockers(SYSTEM, VERIFICATION_AND_VALIDATION))
                .containsExactly("The design & development gate has not been passed.");
        passed(INCEPTION, DESIGN_AND_DEVELOPMENT);
        assertThat(service.entryBlockers(SYSTEM, VERIFICATION_AND_VALIDATION)).isEmpty();
    }

    @Test
    void reEvaluationNeedsVerificationAndValidationPassed() {
        passed(INCEPTION, DESIGN_AND_DEVELOPMENT);
        assertThat(service.entryBlockers(SYSTEM, RE_EVALUATION))
                .containsExactly("The verification & validation gate has not been passed.");
        passed(INCEPTION, DESIGN_AND_DEVELOPMENT, VERIFICATION_AND_VALIDATION);
        assertThat(service.entryBlockers(SYSTEM, RE_EVALUATION)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(GateKind.class)
    void aRetiredSystemEntersNoGate(GateKind kind) {
        passed(GateKind.values());
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.RETIREMENT);

        assertThat(service.entryBlockers(SYSTEM, kind))
                .containsExactly("The system is retired; a retired system enters no gate.");
        assertThatThrownBy(() -> service.open(PI, kind, SYSTEM, "olivia", null, null))
                .isInstanceOf(ConflictException.class);
        verify(gates, never()).save(any());
    }

    @Test
    void openingRefusesASystemThatMayNotEnterWithEveryReason() {
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.RETIREMENT);

        assertThatThrownBy(() -> service.open(PI, VERIFICATION_AND_VALIDATION, SYSTEM, "olivia", null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.field()).isEqualTo("systemId");
                    assertThat(e.reasons()).containsExactly(
                            "The system is retired; a retired system enters no gate.",
                            "The design & development gate has not been passed.");
                });
        verify(gates, never()).save(any());
    }

    @Test
    void opensARunInProgressInTheStartersName() {
        passed(INCEPTION);

        GateRun opened = service.open(PI, DESIGN_AND_DEVELOPMENT, SYSTEM, "olivia", "MANUAL", "Design ready");

        assertThat(opened.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        assertThat(opened.getSystemId()).isEqualTo(SYSTEM);
        assertThat(opened.getKind()).isEqualTo(DESIGN_AND_DEVELOPMENT);
        assertThat(opened.getProcessInstanceId()).isEqualTo(PI);
        assertThat(opened.getStartedBy()).isEqualTo("olivia");
        assertThat(opened.getStartedAt()).isEqualTo(NOW);
        assertThat(opened.getTriggerKind()).isEqualTo("MANUAL");
        verify(gates).save(opened);
        verify(inventory, never()).moveToStage(any(), any());
    }

    @Test
    void aSecondRunOfTheSameGateForTheSystemIsRefused() {
        passed(INCEPTION);
        GateRun running = gate(41L, SYSTEM, DESIGN_AND_DEVELOPMENT, "pi-other", "mia");
        when(gates.findBySystemIdAndKindAndStatus(SYSTEM, DESIGN_AND_DEVELOPMENT, GateRunStatus.IN_PROGRESS))
                .thenReturn(List.of(running));

        assertThatThrownBy(() -> service.open(PI, DESIGN_AND_DEVELOPMENT, SYSTEM, "olivia", null, null))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasons()).singleElement()
                        .asString().startsWith("A design & development gate is already in progress for this system")
                        .contains("started by mia"));
        verify(gates, never()).save(any());
    }

    @Test
    void theSameProcessInstanceGetsItsOpenRunBack() {
        GateRun open = gate(GATE, SYSTEM, DESIGN_AND_DEVELOPMENT, PI, "olivia");
        when(gates.findOpenRun(PI, GateRunStatus.IN_PROGRESS))
                .thenReturn(Optional.of(open));
        // even though its own entry rules would no longer hold
        when(system.getLifecycleStage()).thenReturn(LifecycleStage.RETIREMENT);

        assertThat(service.open(PI, DESIGN_AND_DEVELOPMENT, SYSTEM, "olivia", null, null)).isSameAs(open);
        verify(gates, never()).save(any());
    }

    @Test
    void openingAReEvaluationMovesTheSystemToThatStage() {
        passed(INCEPTION, DESIGN_AND_DEVELOPMENT, VERIFICATION_AND_VALIDATION);

        service.open(PI, RE_EVALUATION, SYSTEM, io.aimsgate.shared.Actors.PLATFORM, "MONITORING_BREACH", "drift");

        verify(inventory).moveToStage(SYSTEM, LifecycleStage.RE_EVALUATION);
    }

    // --- the deployment gate's prerequisite ---

    @Test
    void unmetForNamesExactlyTheMissingGates() {
        passed(INCEPTION);

        assertThat(service.unmetFor(SYSTEM)).containsExactly(
                "The system has not passed the design & development gate.",
                "The system has not passed the verification & validation gate.");
    }

    @Test
    void unmetForIsEmptyOnceInceptionDesignAndValidationPassed() {
        passed(VERIFICATION_AND_VALIDATION, INCEPTION, DESIGN_AND_DEVELOPMENT);

        assertThat(service.unmetFor(SYSTEM)).isEmpty();
    }

    @Test
    void unmetForWithNothingPassedNamesAllThree() {
        passed(RETIREMENT);

        assertThat(service.unmetFor(SYSTEM)).containsExactly("The system has not passed the inception gate.",
                "The system has not passed the design & development gate.",
                "The system has not passed the verification & validation gate.");
    }

    // --- pass and end ---

    private GateRun running(GateKind kind) {
        GateRun gate = gate(GATE, SYSTEM, kind, PI, "olivia");
        when(gates.findById(GATE)).thenReturn(Optional.of(gate));
        return gate;
    }

    private void recorded(GateDecision... recorded) {
        when(decisions.findByRun(GATE)).thenReturn(List.of(recorded));
    }

    @Test
    void aRunPassesInTheNameOfTheLastAccountableDecision() {
        GateRun gate = running(INCEPTION);
        recorded(decision(1, GATE, RaciRole.CONSULTED, "APPROVE", "Ethics are fine here.", "eve"),
                decision(2, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Owner approves inception.", "oscar"),
                decision(3, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Board signs off the high risk.", "bea"),
                decision(4, GATE, RaciRole.CONSULTED, "APPROVE", "A late consulted note.", "lena"));

        service.pass(GATE, "inception-approval");

        assertThat(gate.getStatus()).isEqualTo(GateRunStatus.PASSED);
        assertThat(gate.getDecidedBy()).isEqualTo("bea");
        assertThat(gate.getOutcome()).isEqualTo("Board signs off the high risk.");
        assertThat(gate.getDecidedAt()).isEqualTo(NOW);
        verify(informed).tell(eq("inception-approval"), eq("inception gate passed: Credit scoring"),
                contains("Decided by: bea"));
    }

    @Test
    void withoutAnAccountableDecisionNothingPasses() {
        GateRun gate = running(INCEPTION);
        recorded(decision(1, GATE, RaciRole.CONSULTED, "APPROVE", "Ethics are fine here.", "eve"));

        assertThatThrownBy(() -> service.pass(GATE, "inception-approval")).isInstanceOf(IllegalStateException.class);
        assertThat(gate.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        verify(informed, never()).tell(anyString(), anyString(), anyString());
    }

    @Test
    void withoutItsRequiredEvidenceNoGatePassesAndTheRefusalNamesWhatIsMissing() {
        GateRun gate = running(VERIFICATION_AND_VALIDATION);
        recorded(decision(1, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Approved by the owner.", "oscar"));
        when(requiredEvidence.missing(eq("VERIFICATION_AND_VALIDATION"), any())).thenReturn(
                List.of("Required evidence missing: model card (MODEL_CARD)."));

        assertThatThrownBy(() -> service.pass(GATE, "validation-approval")).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).reasons())
                        .containsExactly("Required evidence missing: model card (MODEL_CARD)."))
                .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("evidence"));
        assertThat(gate.getStatus()).isEqualTo(GateRunStatus.IN_PROGRESS);
        verify(inventory, never()).advanceToStage(any(), any());
        verify(informed, never()).tell(anyString(), anyString(), anyString());
    }

    @ParameterizedTest
    @CsvSource({"INCEPTION, DESIGN_AND_DEVELOPMENT", "DESIGN_AND_DEVELOPMENT, VERIFICATION_AND_VALIDATION",
            "VERIFICATION_AND_VALIDATION, DEPLOYMENT"})
    void passingAnEarlyGateAdvancesTheSystemForwardOnly(GateKind kind, LifecycleStage next) {
        running(kind);
        recorded(decision(1, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Approved by the owner.", "oscar"));

        service.pass(GATE, "design-approval");

        verify(inventory).advanceToStage(SYSTEM, next);
        verify(inventory, never()).moveToStage(any(), any());
    }

    @ParameterizedTest
    @CsvSource({"RE_EVALUATION, OPERATION_AND_MONITORING", "RETIREMENT, RETIREMENT"})
    void passingAReEvaluationOrRetirementMovesTheSystem(GateKind kind, LifecycleStage next) {
        running(kind);
        recorded(decision(1, GATE, RaciRole.ACCOUNTABLE, "CONTINUE", "Keeps meeting its goals.", "oscar"));

        service.pass(GATE, "reevaluation-decision");

        verify(inventory).moveToStage(SYSTEM, next);
        verify(inventory, never()).advanceToStage(any(), any());
        verify(informed).tell(eq("reevaluation-decision"), contains("gate passed"), anyString());
    }

    @Test
    void endClosesTheRunWithTheGivenStatusDeciderAndOutcome() {
        GateRun gate = running(DESIGN_AND_DEVELOPMENT);

        service.end(GATE, GateRunStatus.WITHDRAWN, "mia", "Dataset licences unclear.", "design-approval");

        assertThat(gate.getStatus()).isEqualTo(GateRunStatus.WITHDRAWN);
        assertThat(gate.getDecidedBy()).isEqualTo("mia");
        assertThat(gate.getOutcome()).isEqualTo("Dataset licences unclear.");
        verify(informed).tell(eq("design-approval"), eq("design & development gate withdrawn: Credit scoring"),
                contains("Reason: Dataset licences unclear."));
        verify(inventory, never()).advanceToStage(any(), any());
        verify(inventory, never()).moveToStage(any(), any());
    }

    @Test
    void endTruncatesAnOverlongOutcome() {
        GateRun gate = running(DESIGN_AND_DEVELOPMENT);

        service.end(GATE, GateRunStatus.REJECTED, "bea", "x".repeat(5000), "design-approval");

        assertThat(gate.getOutcome()).hasSize(4000).endsWith("...");
    }

    @Test
    void anAlreadyClosedRunCannotBeClosedAgain() {
        GateRun gate = running(DESIGN_AND_DEVELOPMENT);
        service.end(GATE, GateRunStatus.REJECTED, "bea", "Not ready for V&V.", "design-approval");
        recorded(decision(1, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Approved by the owner.", "oscar"));

        assertThatThrownBy(() -> service.pass(GATE, "design-approval")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already REJECTED");
        assertThatThrownBy(() -> service.end(GATE, GateRunStatus.WITHDRAWN, "mia", "Too late.",
                "design-approval")).isInstanceOf(ConflictException.class);
        assertThat(gate.getStatus()).isEqualTo(GateRunStatus.REJECTED);
        assertThat(gate.getDecidedBy()).isEqualTo("bea");
        verify(inventory, never()).advanceToStage(any(), any());
    }

    // --- who may not decide ---

    @Test
    void theStarterAndWhoeverSubmittedTheWorkMayNotDecide() {
        running(INCEPTION);
        recorded(decision(1, GATE, RaciRole.RESPONSIBLE, "SUBMIT", null, "rita"),
                decision(2, GATE, RaciRole.CONSULTED, "APPROVE", "Ethics are fine here.", "eve"),
                decision(3, GATE, RaciRole.CONSULTED, "REJECT", "Legal basis is missing.", "lena"));

        assertThat(runs.excludedDeciders(GATE)).containsExactlyInAnyOrder("olivia", "rita");
    }

    @Test
    void recordsADecisionOncePerTask() {
        when(decisions.existsByTaskId("t-1")).thenReturn(false, true);
        when(decisions.save(any())).thenAnswer(call -> call.getArgument(0));
        GateRun run = running(INCEPTION);

        runs.record(run, "t-1", "task_legal_review", "inception-legal-review", RaciRole.CONSULTED,
                "APPROVE", "Legal basis is fine.", "lena");
        runs.record(run, "t-1", "task_legal_review", "inception-legal-review", RaciRole.CONSULTED,
                "APPROVE", "Legal basis is fine.", "lena");

        verify(decisions, org.mockito.Mockito.times(1)).save(any());
        // ... and appended to the decision ledger once, in the name of the gate run.
        verify(ledger, org.mockito.Mockito.times(1)).append(org.mockito.ArgumentMatchers.argThat(record ->
                record.subjectId().equals(String.valueOf(GATE)) && "t-1".equals(record.taskId())
                        && Long.valueOf(SYSTEM).equals(record.systemId())));
    }

    @Test
    void lastDecisionOfPicksTheLatestMatchingDecision() {
        recorded(decision(1, GATE, RaciRole.CONSULTED, "REJECT", "First rejection here.", "eve"),
                decision(2, GATE, RaciRole.RESPONSIBLE, "WITHDRAW", "Withdrawn afterwards.", "mia"),
                decision(3, GATE, RaciRole.ACCOUNTABLE, "APPROVE", "Approved by the owner.", "oscar"));

        assertThat(service.lastDecisionOf(GATE, Set.of("REJECT", "WITHDRAW"))).get()
                .extracting(GateDecision::getDecidedBy).isEqualTo("mia");
        assertThat(service.lastDecisionOf(GATE, Set.of("SUSPEND"))).isEmpty();
    }
}
