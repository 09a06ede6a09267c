package io.aimsgate.operation;

import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.closedGate;
import static io.aimsgate.gate.LifecycleFixtures.decision;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.DeploymentBlocker;
import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.RaciRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** A system in operation: what CONTINUE, SUSPEND and RETIRE do to it and to the gate run. */
class OperationServiceTest {

    static final long SYSTEM = 7L;
    static final long GATE = 42L;

    LifecycleGateService gates = mock(LifecycleGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    DeploymentBlocker incidents = mock(DeploymentBlocker.class);
    ReevaluationAssessmentRepository assessments = mock(ReevaluationAssessmentRepository.class);
    RetirementPlanRepository plans = mock(RetirementPlanRepository.class);
    org.camunda.bpm.engine.RuntimeService runtime = mock(org.camunda.bpm.engine.RuntimeService.class,
            org.mockito.Mockito.RETURNS_DEEP_STUBS);
    OperationService operation = new OperationService(gates, inventory, List.of(incidents), assessments, plans,
            runtime, LifecycleFixtures.directEngineCalls(), LifecycleFixtures.CLOCK);

    LifecycleGate current = gate(GATE, SYSTEM, LifecycleGateKind.RE_EVALUATION, PI, io.aimsgate.shared.Actors.PLATFORM);
    ModelVersion released = version(70L);
    ModelVersion blocked = version(71L);

    static ModelVersion version(long id) {
        ModelVersion version = mock(ModelVersion.class);
        when(version.getId()).thenReturn(id);
        return version;
    }

    @BeforeEach
    void setUp() {
        when(gates.require(GATE)).thenReturn(current);
        when(gates.lastAccountableDecision(GATE)).thenReturn(decision(5, GATE, RaciRole.ACCOUNTABLE, "SUSPEND",
                "Drift makes its scores unreliable.", "oscar"));
        when(inventory.versionsOf(SYSTEM, List.of(VersionStatus.SUSPENDED))).thenReturn(List.of(released, blocked));
        when(incidents.blockingReasons(anyLong())).thenReturn(List.of());
    }

    private void history(LifecycleGate... earlier) {
        List<LifecycleGate> history = new ArrayList<>(List.of(earlier));
        history.add(current);
        when(gates.historyOf(SYSTEM)).thenReturn(history);
    }

    // --- suspend ---

    @Test
    void suspendSuspendsTheSystemAndEndsTheRunSuspendedUnderTheAccountable() {
        operation.suspend(GATE, "reevaluation-decision");

        InOrder order = inOrder(inventory, gates);
        order.verify(inventory).suspendSystem(SYSTEM);
        order.verify(gates).end(GATE, LifecycleGateStatus.SUSPENDED, "oscar", "Drift makes its scores unreliable.",
                "reevaluation-decision");
        verify(gates, never()).pass(any(), any());
    }

    @Test
    void withoutAnAccountableDecisionNothingIsSuspended() {
        when(gates.lastAccountableDecision(GATE)).thenThrow(new IllegalStateException("no Accountable decision"));

        assertThatThrownBy(() -> operation.suspend(GATE, "reevaluation-decision"))
                .isInstanceOf(IllegalStateException.class);
        verify(inventory, never()).suspendSystem(any());
    }

    // --- continue ---

    @Test
    void continueAfterASuspendingReevaluationLiftsTheSuspensions() {
        history(closedGate(10, SYSTEM, LifecycleGateKind.VERIFICATION_AND_VALIDATION, LifecycleGateStatus.PASSED,
                NOW.minusSeconds(9000)), closedGate(20, SYSTEM, LifecycleGateKind.RE_EVALUATION,
                        LifecycleGateStatus.SUSPENDED, NOW.minusSeconds(8000)));

        operation.continueOperation(GATE, "reevaluation-decision");

        verify(inventory).liftSuspension(70L);
        verify(inventory).liftSuspension(71L);
        verify(gates).pass(GATE, "reevaluation-decision");
    }

    @Test
    void aVersionSomethingElseStillBlocksStaysSuspended() {
        history(closedGate(20, SYSTEM, LifecycleGateKind.RE_EVALUATION, LifecycleGateStatus.SUSPENDED,
                NOW.minusSeconds(8000)));
        when(incidents.blockingReasons(71L)).thenReturn(List.of("Incident 3 (SEV1) is open."));

        operation.continueOperation(GATE, "reevaluation-decision");

        verify(inventory).liftSuspension(70L);
        verify(inventory, never()).liftSuspension(71L);
        verify(gates).pass(GATE, "reevaluation-decision");
    }

    @Test
    void continueAfterAContinuingReevaluationLiftsNothing() {
        // the suspensions are an incident's, not the re-evaluation's
        history(closedGate(20, SYSTEM, LifecycleGateKind.RE_EVALUATION, LifecycleGateStatus.PASSED,
                NOW.minusSeconds(8000)));

        operation.continueOperation(GATE, "reevaluation-decision");

        verify(inventory, never()).liftSuspension(anyLong());
        verify(gates).pass(GATE, "reevaluation-decision");
    }

    @Test
    void onlyTheLastEarlierReevaluationCounts() {
        history(closedGate(20, SYSTEM, LifecycleGateKind.RE_EVALUATION, LifecycleGateStatus.SUSPENDED,
                NOW.minusSeconds(8000)), closedGate(30, SYSTEM, LifecycleGateKind.RE_EVALUATION,
                        LifecycleGateStatus.PASSED, NOW.minusSeconds(7000)),
                closedGate(31, SYSTEM, LifecycleGateKind.RETIREMENT, LifecycleGateStatus.SUSPENDED,
                        NOW.minusSeconds(6000)));

        operation.continueOperation(GATE, "reevaluation-decision");

        verify(inventory, never()).liftSuspension(anyLong());
    }

    @Test
    void theFirstReevaluationLiftsNothing() {
        history(closedGate(10, SYSTEM, LifecycleGateKind.VERIFICATION_AND_VALIDATION, LifecycleGateStatus.PASSED,
                NOW.minusSeconds(9000)));

        operation.continueOperation(GATE, "reevaluation-decision");

        verify(inventory, never()).liftSuspension(anyLong());
        verify(gates).pass(GATE, "reevaluation-decision");
    }

    // --- retire ---

    @Test
    void retireRetiresTheSystemThenPassesTheRun() {
        operation.retire(GATE, "retirement-approval");

        InOrder order = inOrder(inventory, gates);
        order.verify(inventory).retireSystem(SYSTEM);
        order.verify(gates).pass(GATE, "retirement-approval");
    }

    @Test
    void retireEndsTheSystemsWaitingReevaluation() {
        org.camunda.bpm.engine.runtime.ProcessInstance watch = mock(org.camunda.bpm.engine.runtime.ProcessInstance.class);
        when(watch.getId()).thenReturn("pi-watch");
        when(runtime.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", SYSTEM).list()).thenReturn(List.of(watch));

        operation.retire(GATE, "retirement-approval");

        verify(runtime).deleteProcessInstance(org.mockito.ArgumentMatchers.eq("pi-watch"),
                org.mockito.ArgumentMatchers.contains("System retired"));
    }

    @Test
    void aReevaluationStillDecidingIsClosedWithTheRetirementBeforeItsInstanceEnds() {
        org.camunda.bpm.engine.runtime.ProcessInstance watch = mock(org.camunda.bpm.engine.runtime.ProcessInstance.class);
        when(watch.getId()).thenReturn("pi-watch");
        when(runtime.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", SYSTEM).list()).thenReturn(List.of(watch));
        LifecycleGate open = mock(LifecycleGate.class);
        when(open.getId()).thenReturn(77L);
        when(gates.openRunOf("pi-watch")).thenReturn(java.util.Optional.of(open));

        operation.retire(GATE, "retirement-approval");

        // A gate run never ends without a recorded outcome: closing it first is what lets the engine end the instance.
        org.mockito.InOrder order = org.mockito.Mockito.inOrder(gates, runtime);
        order.verify(gates).end(org.mockito.ArgumentMatchers.eq(77L),
                org.mockito.ArgumentMatchers.eq(LifecycleGateStatus.WITHDRAWN),
                org.mockito.ArgumentMatchers.eq(io.aimsgate.shared.Actors.PLATFORM),
                org.mockito.ArgumentMatchers.contains("System retired"),
                org.mockito.ArgumentMatchers.eq("reevaluation-decision"));
        order.verify(runtime).deleteProcessInstance(org.mockito.ArgumentMatchers.eq("pi-watch"),
                org.mockito.ArgumentMatchers.contains("System retired"));
    }

    @Test
    void requestingRetirementEndsTheRunUnderTheAccountable() {
        when(gates.lastAccountableDecision(GATE)).thenReturn(decision(5, GATE, RaciRole.ACCOUNTABLE, "RETIRE",
                "Replaced by the new scoring model.", "oscar"));

        operation.requestRetirement(GATE, "reevaluation-decision");

        verify(gates).end(GATE, LifecycleGateStatus.RETIREMENT_REQUESTED, "oscar",
                "Replaced by the new scoring model.", "reevaluation-decision");
        verify(inventory, never()).retireSystem(any());
    }

    // --- records kept once per run ---

    @Test
    void theReassessmentIsRecordedOncePerRun() {
        when(assessments.existsById(GATE)).thenReturn(false, true);

        ReevaluationFindings findings = new ReevaluationFindings("Drift above threshold for a month.",
                ReevaluationFindings.Recommendation.SUSPEND);
        operation.recordAssessment(GATE, findings, "mia");
        operation.recordAssessment(GATE, findings, "mia");

        verify(assessments, org.mockito.Mockito.times(1)).save(any());
    }

    @Test
    void findingsBreakingTheirRulesAreRefusedBeforeAnythingIsStored() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> operation.recordAssessment(GATE,
                new ReevaluationFindings("Looks bad.", null), "mia"))
                .isInstanceOf(io.aimsgate.shared.InvalidCommandException.class)
                .hasMessage("'findings' must be 20 to 8000 characters; 'recommendation' is required");
        verify(assessments, never()).save(any());
    }

    @Test
    void aRetirementPlanAlreadyStoredIsKept() {
        RetirementPlan stored = new RetirementPlan(GATE, RetirementPlan.Reason.OBSOLESCENCE, null,
                "Keep logs for 10 years.", "Delete features at end.", "None.", "olivia", NOW);
        when(plans.findById(GATE)).thenReturn(Optional.of(stored));

        assertThat(operation.recordPlan(GATE, new PlannedRetirement(RetirementPlan.Reason.REPLACED, "v2",
                "Other text here, long enough.", "Other text here, long enough.", "No dependent systems at all."),
                "olivia")).isSameAs(stored);
        verify(plans, never()).save(any());
    }
}
