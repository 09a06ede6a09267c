package io.aimsgate.review;

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
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The management review, path by path: started by its quarterly schedule (a process of its own) and on demand from the Tasklist start form, the
 * compiled inputs, the board's conclusions (the governance board's candidate group from the real RACI listener), no
 * actions, and actions that become one task each for their owner with their due date. The model is deployed after
 * the doubles are registered: the timer start event reads its cycle from {@code managementReviewSchedule} when the
 * process is deployed.
 */
@ExtendWith(ProcessEngineExtension.class)
class ManagementReviewProcessTest {

    static final String KEY = "management-review";
    static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    ProcessEngine processEngine;
    ProcessSteps steps;
    DecisionListenerDouble decisions;
    String deploymentId;
    final RecordingDelegate compile = new RecordingDelegate(execution -> {
        execution.setVariable("reviewId", 3L);
        execution.setVariable("gateId", 90L);
        execution.setVariable("inputsSummary", "Period from 2026-09-06");
    });
    final RecordingDelegate record = new RecordingDelegate();
    final List<String> events = new ArrayList<>();
    List<Long> actionIds = List.of();

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        steps = new ProcessSteps(processEngine);
        decisions = new DecisionListenerDouble();
        Mocks.register("managementReviewSchedule", new Schedule());
        Mocks.register("compileReviewInputs", compile);
        Mocks.register("recordReviewConclusions", record);
        Mocks.register("managementReviewActions", new Actions(this));
        Mocks.register("reviewConclusionsListener", (TaskListener) task -> events.add("conclusions:"
                + task.getVariable("actions")));
        Mocks.register("reviewActionListener", (TaskListener) task -> events.add(task.getEventName() + ":"
                + task.getVariable("reviewActionId")));
        Mocks.register("gateDecisionListener", decisions);
        Mocks.register("raciTaskListener", new RaciTaskListener(RaciFixtures.applicationRaciMatrix()));
        deploymentId = processEngine.getRepositoryService().createDeployment()
                .addClasspathResource("processes/management-review.bpmn")
                .addClasspathResource("processes/management-review-schedule.bpmn")
                .addClasspathResource("forms/management-review-start.form")
                .addClasspathResource("forms/management-review-decision.form")
                .addClasspathResource("forms/management-review-action.form").deploy().getId();
    }

    @AfterEach
    void tearDown() {
        processEngine.getRepositoryService().deleteDeployment(deploymentId, true);
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void theQuarterlyTimerStartsAReviewTheBoardConcludesWithoutActions() {
        Job timer = processEngine.getManagementService().createJobQuery().timers()
                .activityId("start_review_due").singleResult();
        Assertions.assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2027-03-06T09:00:00Z")));
        ClockUtil.setCurrentTime(timer.getDuedate());
        processEngine.getManagementService().executeJob(timer.getId());
        ProcessInstance schedule = processEngine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("management-review-schedule").singleResult();
        assertThat(schedule).hasPassed("start_review_due").isWaitingAtExactly("call_management_review");
        ProcessInstance pi = steps.calledInstance(schedule);
        assertThat(pi).hasPassedInOrder("start_review_requested", "task_compile_inputs")
                .isWaitingAtExactly("task_board_conclusions");
        Assertions.assertThat(compile.onlyRun()).containsEntry("reason", "Scheduled management review (R/P3M)");
        // the next quarter's timer is scheduled again
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().timers()
                .activityId("start_review_due").count()).isEqualTo(1);

        steps.complete(pi, "task_board_conclusions", "governance-board", conclude(""));
        Assertions.assertThat(decisions.completed).extracting(DecisionListenerDouble.Completed::decision)
                .containsExactly("CONCLUDE");
        Assertions.assertThat(events).containsExactly("conclusions:");
        assertThat(pi).hasPassedInOrder("task_board_conclusions", "task_record_conclusions", "end_review_closed")
                .isEnded();
        Assertions.assertThat(record.onlyRun()).containsEntry("reviewId", 3L).containsEntry("lastDecision",
                "CONCLUDE");
        assertThat(schedule).hasPassed("call_management_review", "end_review_held").isEnded();
    }

    @Test
    void aReviewRequestedOnDemandTurnsEachActionIntoATaskForItsOwnerUntilAllAreDone() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        Assertions.assertThat(processEngine.getFormService().getStartFormData(definition.getId()).getCamundaFormRef()
                .getKey()).isEqualTo("management-review-start");
        ProcessInstance pi = processEngine.getFormService().submitStartForm(definition.getId(),
                Map.of("reason", "Serious incident in November"));
        assertThat(pi).hasPassedInOrder("start_review_requested", "task_compile_inputs");
        Assertions.assertThat(compile.onlyRun()).containsEntry("reason", "Serious incident in November");

        actionIds = List.of(11L, 12L);
        steps.complete(pi, "task_board_conclusions", "governance-board",
                conclude("olivia | 2027-01-31 | Retrain the credit model"));
        List<Task> tasks = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("task_review_action").orderByTaskAssignee().asc().list();
        Assertions.assertThat(tasks).extracting(Task::getAssignee).containsExactly("owner-11", "owner-12");
        Assertions.assertThat(tasks.get(0).getDueDate()).isEqualTo(Date.from(Instant.parse("2027-01-11T00:00:00Z")));
        tasks.forEach(task -> Assertions.assertThat(steps.candidateGroups(task)).isEmpty());

        processEngine.getTaskService().complete(tasks.get(0).getId(), Map.of("outcome", "Done and verified."));
        assertThat(pi).isWaitingAt("task_review_action");
        processEngine.getTaskService().complete(tasks.get(1).getId(), Map.of("outcome", "Done and verified."));
        assertThat(pi).hasPassed("end_review_closed").isEnded();
        Assertions.assertThat(events).containsExactly("conclusions:olivia | 2027-01-31 | Retrain the credit model",
                "create:11", "create:12", "complete:11", "complete:12");
    }

    private static Map<String, Object> conclude(String actions) {
        return Map.of("decision", "CONCLUDE", "rationale", "Objectives on track; invest in monitoring.", "actions",
                actions);
    }

    /** The schedule bean as the application configures it by default. */
    public static final class Schedule {

        public String getCycle() {
            return "R/P3M";
        }
    }

    /** Stands in for the bean the action tasks call. */
    public static final class Actions {

        private final ManagementReviewProcessTest test;

        Actions(ManagementReviewProcessTest test) {
            this.test = test;
        }

        public List<Long> open(DelegateExecution execution) {
            return test.actionIds;
        }

        public String owner(Long actionId) {
            return "owner-" + actionId;
        }

        public String due(Long actionId) {
            return "2027-01-" + actionId + "T00:00:00";
        }
    }
}
