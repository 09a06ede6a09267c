package io.aimsgate.policy;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciFixtures;
import io.aimsgate.raci.RaciTaskListener;
import io.aimsgate.support.DecisionListenerDouble;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The policy approval gate, path by path: the API start and the Tasklist start form, the scheduled revision, a review
 * that rejects, the board that rejects, publication with one acknowledgement task per person, the reminder timer, the
 * review timer starting the revision, and the version superseded by a newer one. Delegates are recording doubles, the
 * RACI listener is the real one over the application matrix, the decision listener {@link DecisionListenerDouble}.
 */
@Deployment(resources = {"processes/policy-approval.bpmn", "forms/policy-draft.form", "forms/policy-revision.form",
        "forms/policy-review.form", "forms/policy-approval.form", "forms/policy-acknowledgement.form"})
@ExtendWith(ProcessEngineExtension.class)
class PolicyApprovalProcessTest {

    static final String KEY = "policy-approval";
    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");
    static final String REVIEW_DUE = "2027-12-06T00:00Z";
    static final String RATIONALE = "Checked against our obligations and principles.";

    ProcessEngine processEngine;
    TaskService taskService;
    ProcessSteps steps;
    DecisionListenerDouble decisions;
    final Map<String, RecordingDelegate> delegates = new HashMap<>();
    final List<String> acknowledgedBy = new ArrayList<>();
    final List<String> revisedBodies = new ArrayList<>();
    List<String> pendingAcknowledgers = List.of("grace", "mia", "olivia");

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        taskService = processEngine.getTaskService();
        steps = new ProcessSteps(processEngine);
        decisions = new DecisionListenerDouble();
        delegate("openPolicyApproval", execution -> {
            execution.setVariable("gateId", 41L);
            execution.setVariable("policyTitle", "AI policy");
            execution.setVariable("versionNumber", 2L);
            execution.setVariable("currentBody", "# AI policy");
            execution.setVariable("reviewRejected", false);
            if (!execution.hasVariable("revisionRequired")) {
                execution.setVariable("revisionRequired", false);
            }
        });
        delegate("publishPolicyVersion", execution -> {
            execution.setVariable("reviewDue", REVIEW_DUE);
            execution.setVariable("acknowledgementReminderCycle", "R2/P7D");
        });
        delegate("rejectPolicyVersion", execution -> {
        });
        delegate("remindPolicyAcknowledgers", execution -> {
        });
        delegate("startPolicyRevision", execution -> {
        });
        Mocks.register("policyAcknowledgers", new Acknowledgers(this));
        Mocks.register("policyAcknowledgementListener", (TaskListener) task -> acknowledgedBy.add(task.getAssignee()
                + ":" + task.getVariable("acknowledged")));
        Mocks.register("policyRevisionListener", (TaskListener) (DelegateTask task) -> revisedBodies.add(
                String.valueOf(task.getVariable("body"))));
        Mocks.register("gateDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void reviewedApprovedPublishedAcknowledgedRemindedAndRevisedWhenTheReviewIsDue() {
        ProcessInstance pi = startFromApi(false);
        assertThat(pi).hasPassedInOrder("start_policy_draft_submitted", "task_open_policy_review",
                "gateway_revision_required", "gateway_draft_ready", "gateway_reviews_fork").hasNotPassed(
                "task_revise_policy");
        steps.assertOpenTasks(pi, "task_legal_review", "task_ethics_review");
        steps.complete(pi, "task_legal_review", "legal", decision("APPROVE"));
        steps.complete(pi, "task_ethics_review", "ethics", decision("APPROVE"));
        steps.complete(pi, "task_board_approval", "governance-board", decision("APPROVE"));
        Assertions.assertThat(decisions.completed).extracting(DecisionListenerDouble.Completed::taskKey)
                .containsExactly("task_legal_review", "task_ethics_review", "task_board_approval");

        // published: one acknowledgement task for each member, assigned to that person alone
        assertThat(pi).hasPassed("task_publish_policy", "start_in_force", "gateway_in_force_fork")
                .isWaitingAt("task_acknowledge_policy", "timer_review_due");
        Assertions.assertThat(delegates.get("publishPolicyVersion").onlyRun()).containsEntry("gateId", 41L)
                .containsEntry("lastDecision", "APPROVE");
        List<Task> acknowledgements = ackTasks(pi);
        Assertions.assertThat(acknowledgements).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("grace", "mia", "olivia");
        acknowledgements.forEach(t -> Assertions.assertThat(steps.candidateGroups(t)).isEmpty());

        // the reminder timer fires while acknowledgements are open, and does not end them
        fireTimer(pi, "timer_acknowledgement_reminder");
        Assertions.assertThat(delegates.get("remindPolicyAcknowledgers").runs).hasSize(1);
        assertThat(pi).hasPassed("task_remind_acknowledgers", "end_reminder_sent");
        Assertions.assertThat(ackTasks(pi)).hasSize(3);
        for (Task task : ackTasks(pi)) {
            taskService.complete(task.getId(), Map.of("acknowledged", true));
        }
        Assertions.assertThat(acknowledgedBy).containsExactlyInAnyOrder("grace:true", "mia:true", "olivia:true");
        assertThat(pi).hasPassed("end_acknowledged").isWaitingAt("timer_review_due").hasNotPassed("task_start_revision");
        steps.assertOpenTasks(pi);
        Assertions.assertThat(steps.timerJobs(pi, "timer_acknowledgement_reminder")).isZero();

        // the review falls due: the revision starts and this version's cycle ends
        Assertions.assertThat(steps.timerJob(pi, "timer_review_due").getDuedate())
                .isEqualTo(Date.from(Instant.parse("2027-12-06T00:00:00Z")));
        fireTimer(pi, "timer_review_due");
        Assertions.assertThat(delegates.get("startPolicyRevision").runs).hasSize(1);
        assertThat(pi).hasPassed("end_revision_started", "end_policy_cycle_complete").isEnded();
    }

    @Test
    void aScheduledRevisionIsRevisedByThePolicyOwnersBeforeItsReviews() {
        ProcessInstance pi = startFromApi(true);
        assertThat(pi).isWaitingAtExactly("task_revise_policy");
        steps.complete(pi, "task_revise_policy", "ai-product-owners", Map.of("body", "# AI policy\n\nRevised.",
                "changeSummary", "Yearly review: scope clarified."));
        Assertions.assertThat(revisedBodies).containsExactly("# AI policy\n\nRevised.");
        assertThat(pi).hasPassedInOrder("task_revise_policy", "gateway_draft_ready", "gateway_reviews_fork");
        steps.assertOpenTasks(pi, "task_legal_review", "task_ethics_review");
    }

    @Test
    void aReviewThatRejectsEndsTheGateWithoutTheBoard() {
        ProcessInstance pi = startFromApi(false);
        steps.complete(pi, "task_ethics_review", "ethics", decision("APPROVE"));
        steps.complete(pi, "task_legal_review", "legal", decision("REJECT"));
        assertThat(pi).hasPassedInOrder("gateway_reviews_join", "gateway_reviews_passed", "gateway_rejected",
                "task_record_rejection", "end_policy_rejected").hasNotPassed("task_board_approval").isEnded();
        Assertions.assertThat(delegates.get("rejectPolicyVersion").runs).hasSize(1);
        Assertions.assertThat(delegates.get("publishPolicyVersion").runs).isEmpty();
    }

    @Test
    void theBoardRejects() {
        ProcessInstance pi = startFromApi(false);
        steps.complete(pi, "task_legal_review", "legal", decision("APPROVE"));
        steps.complete(pi, "task_ethics_review", "ethics", decision("APPROVE"));
        steps.complete(pi, "task_board_approval", "governance-board", decision("REJECT"));
        assertThat(pi).hasPassedInOrder("task_board_approval", "gateway_board_approved", "gateway_rejected",
                "task_record_rejection", "end_policy_rejected").hasNotPassed("task_publish_policy").isEnded();
    }

    @Test
    void aNewerVersionSupersedesThePublishedOneAndEndsItsAcknowledgementsAndReviewTimer() {
        ProcessInstance pi = approved();
        Assertions.assertThat(ackTasks(pi)).hasSize(3);
        processEngine.getRuntimeService().createMessageCorrelation("PolicySuperseded").processInstanceId(pi.getId())
                .correlateAllWithResult();
        assertThat(pi).hasPassed("message_policy_superseded", "end_policy_superseded")
                .hasNotPassed("end_policy_cycle_complete").isEnded();
        Assertions.assertThat(ackTasks(pi)).isEmpty();
    }

    @Test
    void withNobodyToAskTheVersionOnlyAwaitsItsReview() {
        pendingAcknowledgers = List.of();
        ProcessInstance pi = approved();
        assertThat(pi).hasPassed("task_acknowledge_policy#multiInstanceBody", "end_acknowledged")
                .isWaitingAt("timer_review_due");
        steps.assertOpenTasks(pi);
    }

    @Test
    void thePolicyOwnersDraftFromTheTasklistStartForm() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(processEngine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef()
                .getKey()).isEqualTo("policy-draft");
        ProcessInstance pi = processEngine.getFormService().submitStartForm(definition.getId(), Map.of(
                "documentKey", "ai-policy", "body", "# AI policy", "changeSummary", "First version."));
        Assertions.assertThat(delegates.get("openPolicyApproval").onlyRun()).containsEntry("documentKey", "ai-policy")
                .containsEntry("body", "# AI policy").doesNotContainKey("policyVersionId");
        steps.assertOpenTasks(pi, "task_legal_review", "task_ethics_review");
    }

    private ProcessInstance approved() {
        ProcessInstance pi = startFromApi(false);
        steps.complete(pi, "task_legal_review", "legal", decision("APPROVE"));
        steps.complete(pi, "task_ethics_review", "ethics", decision("APPROVE"));
        steps.complete(pi, "task_board_approval", "governance-board", decision("APPROVE"));
        return pi;
    }

    private ProcessInstance startFromApi(boolean revisionRequired) {
        return processEngine.getRuntimeService().startProcessInstanceByKey(KEY, Map.of("policyVersionId", 7L,
                "revisionRequired", revisionRequired));
    }

    private List<Task> ackTasks(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("task_acknowledge_policy").list();
    }

    private void fireTimer(ProcessInstance pi, String timerId) {
        steps.fire(steps.timerJob(pi, timerId));
    }

    private void delegate(String bean, java.util.function.Consumer<DelegateExecution> behaviour) {
        RecordingDelegate delegate = new RecordingDelegate(behaviour);
        delegates.put(bean, delegate);
        Mocks.register(bean, delegate);
    }

    /** Stands in for the bean the multi-instance collection calls. */
    public static final class Acknowledgers {

        private final PolicyApprovalProcessTest test;

        Acknowledgers(PolicyApprovalProcessTest test) {
            this.test = test;
        }

        public List<String> pending(DelegateExecution execution) {
            return test.pendingAcknowledgers;
        }
    }

    private static Map<String, Object> decision(String decision) {
        return Map.of("decision", decision, "rationale", RATIONALE);
    }
}
