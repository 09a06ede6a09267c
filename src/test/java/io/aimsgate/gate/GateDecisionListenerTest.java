package io.aimsgate.gate;

import io.aimsgate.gate.GateDecisionListener;
import io.aimsgate.gate.GateDecisionRepository;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunRepository;
import io.aimsgate.gate.GateRunStatus;
import static io.aimsgate.gate.LifecycleDecisions.*;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.decision;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static io.aimsgate.gate.LifecycleFixtures.userTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.SegregationOfDutiesViolation;
import io.aimsgate.raci.RaciRole;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one decision listener on every gate's user tasks (here with the life-cycle models' tasks; the deployment
 * gate's are walked in DeploymentApprovalProcessTest): declared decisions, rationale, segregation of duties, RACI
 * groups, and the variables the gateways read. Runs over the real {@link GateDecisions} with its tables mocked.
 */
class GateDecisionListenerTest {

    static final long GATE = 42L;
    static final String VALID_RATIONALE = "Reviewed the evidence in full.";

    GateRunRepository runTable = mock(GateRunRepository.class);
    GateDecisionRepository decisionTable = mock(GateDecisionRepository.class);
    GateDecisions gates = spy(new GateDecisions(runTable, decisionTable, event -> { }, LifecycleFixtures.CLOCK,
            org.mockito.Mockito.mock(io.aimsgate.shared.ledger.DecisionLedger.class)));
    GateDecisionListener listener = new GateDecisionListener(gates);
    GateRun run = gate(GATE, 7L, GateKind.INCEPTION, PI, "olivia");

    /** The variables of the task under test, as the listener leaves them. */
    Map<String, Object> taskVariables;

    @BeforeEach
    void setUp() {
        when(runTable.findOpenRun(PI, GateRunStatus.IN_PROGRESS)).thenReturn(Optional.of(run));
        when(runTable.findById(GATE)).thenReturn(Optional.of(run));
        // olivia started the run, rita submitted its impact assessment: neither may decide in it
        when(decisionTable.findByRun(GATE)).thenReturn(List.of(decision(1, GATE, RaciRole.RESPONSIBLE, "SUBMIT", null,
                "rita")));
        when(decisionTable.save(any())).thenAnswer(call -> call.getArgument(0));
    }

    static UserTask approvalTask() {
        return userTask("raciActivity", "inception-approval", "raciRole", "ACCOUNTABLE");
    }

    static UserTask reviewTask() {
        return userTask("raciActivity", "inception-ethics-review", "raciRole", "CONSULTED");
    }

    static UserTask workTask() {
        return userTask("raciActivity", "inception-impact-assessment", "raciRole", "RESPONSIBLE", "decisions",
                "SUBMIT");
    }

    static UserTask reevaluationDecisionTask() {
        return userTask("raciActivity", "reevaluation-decision", "raciRole", "ACCOUNTABLE", "decisions",
                "CONTINUE, SUSPEND,RETIRE");
    }

    /** A task completed by {@code user}, authenticated with {@code userGroups}; its candidate group is "owners". */
    DelegateTask completedBy(String user, UserTask element, Map<String, Object> variables) {
        return task(TaskListener.EVENTNAME_COMPLETE, element, variables, user, List.of("owners"), user,
                Set.of("owners"));
    }

    DelegateTask task(String event, UserTask element, Map<String, Object> variables, String authenticatedUser,
            List<String> userGroups, String assignee, Set<String> candidateGroups) {
        taskVariables = new HashMap<>(variables);
        DelegateTask task = mock(DelegateTask.class);
        when(task.getEventName()).thenReturn(event);
        when(task.getId()).thenReturn("task-9");
        when(task.getName()).thenReturn("Accountable approval");
        when(task.getTaskDefinitionKey()).thenReturn(element.getId());
        when(task.getProcessInstanceId()).thenReturn(PI);
        when(task.getAssignee()).thenReturn(assignee);
        when(task.getBpmnModelElementInstance()).thenReturn(element);
        when(task.getVariable(anyString())).thenAnswer(call -> taskVariables.get(call.<String>getArgument(0)));
        doAnswer(call -> taskVariables.put(call.getArgument(0), call.getArgument(1))).when(task)
                .setVariable(anyString(), any());
        doAnswer(call -> taskVariables.remove(call.<String>getArgument(0))).when(task).removeVariable(anyString());
        Set<IdentityLink> candidates = candidateGroups.stream().map(group -> {
            IdentityLink link = mock(IdentityLink.class);
            when(link.getGroupId()).thenReturn(group);
            return link;
        }).collect(Collectors.toSet());
        when(task.getCandidates()).thenReturn(candidates);

        IdentityService identity = mock(IdentityService.class);
        when(identity.getCurrentAuthentication()).thenReturn(
                authenticatedUser == null ? null : new Authentication(authenticatedUser, userGroups));
        ProcessEngineServices services = mock(ProcessEngineServices.class);
        when(services.getIdentityService()).thenReturn(identity);
        when(task.getProcessEngineServices()).thenReturn(services);
        return task;
    }

    // --- decision tasks ---

    @Test
    void recordsAnApprovalAndSetsTheGatewayVariables() {
        listener.notify(completedBy("oscar", approvalTask(), variables(DECISION, "APPROVE", RATIONALE,
                "  " + VALID_RATIONALE + "  ")));

        verify(gates).record(run, "task-9", "user_task", "inception-approval", RaciRole.ACCOUNTABLE,
                "APPROVE", VALID_RATIONALE, "oscar");
        assertThat(taskVariables).containsEntry(LAST_DECISION, "APPROVE").containsEntry(REVIEW_REJECTED, false)
                .doesNotContainKeys(DECISION, RATIONALE);
    }

    @Test
    void aDecisionTaskNeedsADecision() {
        DelegateTask task = completedBy("oscar", approvalTask(), variables(RATIONALE, VALID_RATIONALE));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'decision' must be one of APPROVE, REJECT, was null");
        verify(gates, never()).record(any(), any(), any(), any(), any(), any(), any(), any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONTINUE", "approve", "SUBMIT", "WITHDRAW"})
    void aDecisionTaskRefusesADecisionItDoesNotDeclare(String decision) {
        DelegateTask task = completedBy("oscar", approvalTask(), variables(DECISION, decision, RATIONALE,
                VALID_RATIONALE));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'decision' must be one of APPROVE, REJECT");
        assertThat(taskVariables).doesNotContainKey(LAST_DECISION);
    }

    @Test
    void aTaskDeclaringItsOwnDecisionsAcceptsThoseOnly() {
        listener.notify(completedBy("oscar", reevaluationDecisionTask(), variables(DECISION, "SUSPEND", RATIONALE,
                VALID_RATIONALE)));

        assertThat(taskVariables).containsEntry(LAST_DECISION, "SUSPEND");
        verify(gates).record(run, "task-9", "user_task", "reevaluation-decision", RaciRole.ACCOUNTABLE,
                "SUSPEND", VALID_RATIONALE, "oscar");

        DelegateTask approve = completedBy("oscar", reevaluationDecisionTask(), variables(DECISION, "APPROVE",
                RATIONALE, VALID_RATIONALE));
        assertThatThrownBy(() -> listener.notify(approve)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'decision' must be one of CONTINUE, SUSPEND, RETIRE");
    }

    @Test
    void theDeclaredDecisionsDefaultToApproveAndReject() {
        DelegateTask task = completedBy("oscar", approvalTask(), variables());

        assertThat(GateDecisionListener.declaredDecisions(task)).containsExactly(APPROVE, REJECT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "too short", "   short   "})
    void aDecisionNeedsARationaleOfAtLeastTenCharacters(String rationale) {
        DelegateTask task = completedBy("oscar", approvalTask(), variables(DECISION, "APPROVE", RATIONALE,
                rationale));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'rationale'");
        verify(gates, never()).record(any(), any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void aDecisionWithoutAnyRationaleIsRefused() {
        DelegateTask task = completedBy("oscar", approvalTask(), variables(DECISION, "APPROVE"));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("'rationale'");
    }

    @Test
    void aRationaleOfExactlyTenCharactersIsEnough() {
        listener.notify(completedBy("oscar", approvalTask(), variables(DECISION, "APPROVE", RATIONALE,
                "0123456789")));

        assertThat(taskVariables).containsEntry(LAST_DECISION, "APPROVE");
    }

    // --- segregation of duties ---

    @ParameterizedTest
    @ValueSource(strings = {"olivia", "rita"})
    void theStarterOrTheWorkSubmitterMayNotCompleteADecisionTask(String user) {
        DelegateTask task = completedBy(user, approvalTask(), variables(DECISION, "APPROVE", RATIONALE,
                VALID_RATIONALE));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(SegregationOfDutiesViolation.class)
                .hasMessageContaining(user);
        verify(gates, never()).record(any(), any(), any(), any(), any(), any(), any(), any());
        assertThat(taskVariables).doesNotContainKey(LAST_DECISION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"olivia", "rita"})
    void theStarterOrTheWorkSubmitterMayNotBeAssignedADecisionTask(String user) {
        DelegateTask task = task(TaskListener.EVENTNAME_ASSIGNMENT, approvalTask(), variables(), user,
                List.of("owners"), user, Set.of("owners"));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(SegregationOfDutiesViolation.class);
    }

    /** The claim is checked against the run's excluded deciders (olivia, rita) and passes; nothing is recorded. */
    @Test
    void anotherMemberMayClaimADecisionTask() {
        DelegateTask claim = task(TaskListener.EVENTNAME_ASSIGNMENT, approvalTask(), variables(), "oscar",
                List.of("owners"), "oscar", Set.of("owners"));

        org.assertj.core.api.Assertions.assertThatCode(() -> listener.notify(claim)).doesNotThrowAnyException();

        verify(gates).excludedDeciders(GATE);
        verify(gates, never()).record(any(), any(), any(), any(), any(), any(), any(), any());
        assertThat(taskVariables).isEmpty();
        // the same claim by the author of the run's work is refused: the check that let oscar through is real
        DelegateTask byAuthor = task(TaskListener.EVENTNAME_ASSIGNMENT, approvalTask(), variables(), "rita",
                List.of("owners"), "rita", Set.of("owners"));
        assertThatThrownBy(() -> listener.notify(byAuthor)).isInstanceOf(SegregationOfDutiesViolation.class);
    }

    @Test
    void assigningADecisionTaskToSomeoneElseIsRefused() {
        DelegateTask task = task(TaskListener.EVENTNAME_ASSIGNMENT, approvalTask(), variables(), "oscar",
                List.of("owners"), "bea", Set.of("owners"));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("claimed by the person who works them");
    }

    @Test
    void theStarterMayClaimTheWorkTask() {
        listener.notify(task(TaskListener.EVENTNAME_ASSIGNMENT, workTask(), variables(), "olivia",
                List.of("owners"), "olivia", Set.of("owners")));
        verify(gates, never()).excludedDeciders(any());
    }

    @ParameterizedTest
    @ValueSource(strings = {"olivia", "rita"})
    void theStarterOrTheWorkSubmitterMayNotGiveAConsultedReview(String user) {
        DelegateTask task = completedBy(user, reviewTask(), variables(DECISION, "APPROVE", RATIONALE,
                VALID_RATIONALE));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(SegregationOfDutiesViolation.class);
    }

    @Test
    void theResponsibleStarterMayTakeTheirOwnRemediationChoice() {
        UserTask remediation = userTask("raciActivity", "design-dataset-remediation", "raciRole", "RESPONSIBLE",
                "decisions", "RECHECK,WITHDRAW");
        listener.notify(completedBy("olivia", remediation, variables(DECISION, "RECHECK", RATIONALE,
                VALID_RATIONALE)));

        assertThat(taskVariables).containsEntry(LAST_DECISION, "RECHECK");
        verify(gates, never()).excludedDeciders(any());
    }

    // --- work tasks ---

    @Test
    void aWorkTaskRecordsASubmissionWithoutDecisionOrRationale() {
        listener.notify(completedBy("olivia", workTask(), variables()));

        verify(gates).record(run, "task-9", "user_task", "inception-impact-assessment",
                RaciRole.RESPONSIBLE, SUBMIT, null, "olivia");
        assertThat(taskVariables).containsEntry(LAST_DECISION, SUBMIT).containsEntry(REVIEW_REJECTED, false);
    }

    @Test
    void aWorkTaskKeepsItsSummaryRationaleAndIgnoresASubmittedDecision() {
        listener.notify(completedBy("rita", workTask(), variables(DECISION, "APPROVE", RATIONALE, "Summary")));

        verify(gates).record(run, "task-9", "user_task", "inception-impact-assessment",
                RaciRole.RESPONSIBLE, SUBMIT, "Summary", "rita");
        assertThat(taskVariables).containsEntry(LAST_DECISION, SUBMIT).doesNotContainKeys(DECISION, RATIONALE);
    }

    // --- reviewRejected ---

    @Test
    void aRejectSetsReviewRejected() {
        listener.notify(completedBy("eve", reviewTask(), variables(DECISION, "REJECT", RATIONALE,
                "Bias analysis is missing.")));

        assertThat(taskVariables).containsEntry(LAST_DECISION, "REJECT").containsEntry(REVIEW_REJECTED, true);
    }

    @Test
    void aLaterApprovalCannotResetAnEarlierRecordedRejection() {
        when(decisionTable.findByRun(GATE)).thenReturn(List.of(decision(1, GATE, RaciRole.CONSULTED, "REJECT",
                "Bias analysis is missing.", "eve")));

        listener.notify(completedBy("lena", reviewTask(), variables(DECISION, "APPROVE", RATIONALE,
                "Legal basis is fine.", REVIEW_REJECTED, false)));

        assertThat(taskVariables).containsEntry(LAST_DECISION, "APPROVE").containsEntry(REVIEW_REJECTED, true);
    }

    @Test
    void anApprovalAfterOnlyApprovalsLeavesReviewRejectedFalse() {
        when(decisionTable.findByRun(GATE)).thenReturn(List.of(decision(1, GATE, RaciRole.CONSULTED, "APPROVE",
                "Ethics are fine here.", "eve")));

        listener.notify(completedBy("lena", reviewTask(), variables(DECISION, "APPROVE", RATIONALE,
                "Legal basis is fine.", REVIEW_REJECTED, true)));

        assertThat(taskVariables).containsEntry(REVIEW_REJECTED, false);
    }

    // --- RACI groups ---

    @Test
    void aUserOutsideTheTasksGroupsMayNotCompleteIt() {
        DelegateTask task = task(TaskListener.EVENTNAME_COMPLETE, approvalTask(), variables(DECISION, "APPROVE",
                RATIONALE, VALID_RATIONALE), "mallory", List.of("ml-engineers"), "mallory", Set.of("owners"));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("mallory holds none of the RACI roles");
        verify(gates, never()).record(any(), any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void aWorkTaskAlsoNeedsTheGroup() {
        DelegateTask task = task(TaskListener.EVENTNAME_COMPLETE, workTask(), variables(), "mallory",
                List.of("ml-engineers"), "mallory", Set.of("owners"));

        assertThatThrownBy(() -> listener.notify(task)).isInstanceOf(AuthorizationException.class);
    }

    @Test
    void otherEventsAreIgnored() {
        listener.notify(task(TaskListener.EVENTNAME_CREATE, approvalTask(), variables(), null, List.of(), null,
                Set.of("owners")));

        verify(gates, never()).requireOpen(anyString());
    }
}
