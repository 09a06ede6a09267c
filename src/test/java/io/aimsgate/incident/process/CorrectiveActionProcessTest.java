package io.aimsgate.incident.process;

import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import static io.aimsgate.incident.process.CorrectiveActionFlow.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciGroups;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The shared corrective-action process (ISO/IEC 42001 clause 10.2), started directly as its callers do through
 * their call activity: subjectType and subjectId as variables, the caller's business key. Delegates and the
 * completion guard are test doubles; the RACI task listener is the real one.
 */
@Deployment(resources = {"processes/corrective-action.bpmn", "forms/corrective-correction.form",
        "forms/corrective-root-cause.form", "forms/corrective-plan.form", "forms/corrective-tracking.form",
        "forms/corrective-effectiveness.form", "forms/corrective-closure.form"})
@ExtendWith(ProcessEngineExtension.class)
class CorrectiveActionProcessTest {

    static final String BUSINESS_KEY = "NC-2026-0007";

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    TaskService taskService;
    ProcessSteps steps;
    CorrectiveActionFlow flow;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        steps = new ProcessSteps(processEngine);
        flow = new CorrectiveActionFlow(steps);
        flow.registerMocks();
        Mocks.register("raciTaskListener", IncidentRaci.listener());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @Test
    void aNonconformityIsCorrectedFirstThenAnalysedPlannedCompletedCheckedAndClosed() {
        ProcessInstance pi = start("NONCONFORMITY", 7L);

        assertThat(pi).isWaitingAtExactly(TASK_CORRECTION);
        flow.correct(pi);
        Assertions.assertThat(flow.recordCorrection.onlyRun()).containsEntry("subjectType", "NONCONFORMITY")
                .containsEntry("subjectId", 7L).containsEntry(RecordingDelegate.BUSINESS_KEY, BUSINESS_KEY)
                .containsKey("correction");

        assertThat(pi).isWaitingAtExactly(TASK_ROOT_CAUSE);
        flow.analyseRootCause(pi);
        Assertions.assertThat(flow.recordRootCause.onlyRun()).containsEntry("rootCauseMethod", "FIVE_WHYS")
                .containsKey("rootCauses");

        assertThat(pi).isWaitingAtExactly(TASK_PLAN);
        flow.planActions(pi);
        Assertions.assertThat(flow.registerCorrectiveActions.onlyRun()).containsEntry("plannedActions", PLANNED_ACTIONS);

        assertThat(pi).isWaitingAtExactly(TASK_TRACK);
        flow.completeActions(pi);
        Assertions.assertThat(flow.guard.checked).containsExactly(TASK_TRACK + ":complete");

        assertThat(pi).isWaitingAtExactly(TASK_EFFECTIVENESS);
        flow.checkEffectiveness(pi, true);
        Assertions.assertThat(flow.recordEffectivenessCheck.onlyRun()).containsEntry("effective", true)
                .containsKey("effectivenessEvidence");

        assertThat(pi).isWaitingAtExactly(TASK_CLOSE);
        Assertions.assertThat(flow.closeCorrectiveAction.runs).isEmpty();
        flow.close(pi);

        assertThat(pi).isEnded().hasPassedInOrder(START, GATEWAY_CORRECTION_NEEDED, TASK_CORRECTION,
                TASK_STORE_CORRECTION, TASK_ROOT_CAUSE, TASK_RECORD_ROOT_CAUSE, TASK_PLAN, TASK_REGISTER_ACTIONS,
                TASK_TRACK, TASK_EFFECTIVENESS, TASK_RECORD_EFFECTIVENESS, GATEWAY_EFFECTIVE, TASK_CLOSE,
                TASK_RECORD_CLOSURE, END);
        Assertions.assertThat(flow.closeCorrectiveAction.onlyRun()).containsKey("closureNote")
                .containsEntry("subjectId", 7L);
    }

    @Test
    void anIncidentSkipsTheCorrectionAndStartsWithTheRootCause() {
        ProcessInstance pi = start("INCIDENT", 42L);

        assertThat(pi).isWaitingAtExactly(TASK_ROOT_CAUSE);
        flow.runToClosure(pi, false);

        assertThat(pi).hasNotPassed(TASK_CORRECTION, TASK_STORE_CORRECTION);
        Assertions.assertThat(flow.recordCorrection.runs).isEmpty();
        Assertions.assertThat(flow.closeCorrectiveAction.onlyRun()).containsEntry("subjectType", "INCIDENT")
                .containsEntry("subjectId", 42L);
    }

    @Test
    void ineffectiveActionsLeadToANewRootCauseAnalysisAndPlan() {
        ProcessInstance pi = start("INCIDENT", 42L);
        flow.analyseRootCause(pi);
        flow.planActions(pi);
        flow.completeActions(pi);

        flow.checkEffectiveness(pi, false);

        assertThat(pi).isWaitingAtExactly(TASK_ROOT_CAUSE);
        Assertions.assertThat(flow.recordEffectivenessCheck.onlyRun()).containsEntry("effective", false);
        Assertions.assertThat(flow.closeCorrectiveAction.runs).isEmpty();

        flow.analyseRootCause(pi);
        flow.planActions(pi);
        flow.completeActions(pi);
        flow.checkEffectiveness(pi, true);
        flow.close(pi);

        assertThat(pi).isEnded().hasPassed(END);
        Assertions.assertThat(steps.passedCount(pi, TASK_ROOT_CAUSE)).isEqualTo(2);
        Assertions.assertThat(steps.passedCount(pi, TASK_RECORD_ROOT_CAUSE)).isEqualTo(2);
        Assertions.assertThat(flow.registerCorrectiveActions.runs).hasSize(2);
        Assertions.assertThat(flow.recordEffectivenessCheck.runs).extracting(run -> run.get("effective"))
                .containsExactly(false, true);
        Assertions.assertThat(flow.closeCorrectiveAction.runs).hasSize(1);
    }

    /**
     * Issue 14: after "not effective" the case loops back, and round one's method, causes, plan and verdict are still
     * process variables. Each task of round two must be answered on its own: its form opens empty, and a completion
     * without the form's required fields is refused, exactly as in round one.
     */
    @Test
    void theSecondRoundIsValidatedOnItsOwnAndNeverReusesTheFirstRoundsAnswers() {
        ProcessInstance pi = start("INCIDENT", 42L);
        String rootCauseOne = steps.openTask(pi, TASK_ROOT_CAUSE).getId();
        assertRefused(rootCauseOne, Map.of(), "'rootCauseMethod' is required");
        flow.analyseRootCause(pi);
        flow.planActions(pi);
        flow.completeActions(pi);
        String effectivenessOne = steps.openTask(pi, TASK_EFFECTIVENESS).getId();
        assertRefused(effectivenessOne, Map.of("effectivenessEvidence", "Drift again."), "'effective' is required");
        flow.checkEffectiveness(pi, false);

        // Round two: the same bodies are refused again, and nothing of round one is visible to the new tasks.
        Task rootCauseTwo = steps.openTask(pi, TASK_ROOT_CAUSE);
        Assertions.assertThat(taskService.getVariables(rootCauseTwo.getId()))
                .doesNotContainKeys("rootCauseMethod", "rootCauses", "contributingFactors");
        assertRefused(rootCauseTwo.getId(), Map.of(), "'rootCauseMethod' is required");
        assertRefused(rootCauseTwo.getId(), Map.of("rootCauses", "Only the causes this time, no method."),
                "'rootCauseMethod' is required");
        Assertions.assertThat(flow.recordRootCause.runs).hasSize(1);
        taskService.complete(rootCauseTwo.getId(), Map.of("rootCauseMethod", "FISHBONE",
                "rootCauses", "The alert threshold was set on the wrong percentile."));
        Assertions.assertThat(flow.recordRootCause.runs.get(1)).containsEntry("rootCauseMethod", "FISHBONE")
                .doesNotContainKey("contributingFactors");

        Task planTwo = steps.openTask(pi, TASK_PLAN);
        assertRefused(planTwo.getId(), Map.of(), "'plannedActions' is required");
        flow.planActions(pi);
        flow.completeActions(pi);

        Task effectivenessTwo = steps.openTask(pi, TASK_EFFECTIVENESS);
        Assertions.assertThat(taskService.getVariables(effectivenessTwo.getId()))
                .doesNotContainKeys("effective", "effectivenessEvidence");
        assertRefused(effectivenessTwo.getId(), Map.of(), "'effective' is required");
        assertRefused(effectivenessTwo.getId(), Map.of("effective", "true", "effectivenessEvidence", "Clean."),
                "'effective' must be one of [true, false]");
        Assertions.assertThat(flow.recordEffectivenessCheck.runs).hasSize(1);
        flow.checkEffectiveness(pi, true);
        flow.close(pi);
        assertThat(pi).isEnded().hasPassed(END);
    }

    private void assertRefused(String taskId, Map<String, Object> variables, String message) {
        assertThatThrownBy(() -> taskService.complete(taskId, variables))
                .satisfies(e -> Assertions.assertThat(ProcessSteps.causes(e))
                        .anySatisfy(cause -> Assertions.assertThat(cause).isInstanceOf(BadUserRequestException.class)
                                .hasMessageContaining(message)));
        Assertions.assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open")
                .isEqualTo(1);
    }

    @Test
    void theTrackingTaskCannotBeCompletedWhileCorrectiveActionsAreOpen() {
        ProcessInstance pi = start("INCIDENT", 42L);
        flow.analyseRootCause(pi);
        flow.planActions(pi);
        Task tracking = steps.openTask(pi, TASK_TRACK);
        Assertions.assertThat(steps.candidateGroups(tracking)).containsExactly(RaciGroups.ML_ENGINEERS);

        flow.guard.openActions = 2;
        assertThatThrownBy(() -> taskService.complete(tracking.getId(), Map.of("trackingNote", "Done, I think.")))
                .satisfies(e -> Assertions.assertThat(ProcessSteps.causes(e))
                        .as("the guard's refusal, wrapped by the engine's listener invocation")
                        .anySatisfy(cause -> Assertions.assertThat(cause).isInstanceOf(BadUserRequestException.class)
                                .hasMessageContaining("2 corrective action(s) are not DONE")));

        Assertions.assertThat(taskService.createTaskQuery().taskId(tracking.getId()).count()).as("task still open")
                .isEqualTo(1);
        assertThat(pi).isWaitingAtExactly(TASK_TRACK).hasNotPassed(TASK_TRACK, TASK_EFFECTIVENESS);
        Assertions.assertThat(runtimeService.getVariable(pi.getId(), "trackingNote")).as("rolled back").isNull();

        flow.guard.openActions = 0;
        taskService.complete(tracking.getId(), Map.of("trackingNote", "All actions DONE."));

        assertThat(pi).isWaitingAtExactly(TASK_EFFECTIVENESS);
        Assertions.assertThat(flow.guard.checked).containsExactly(TASK_TRACK + ":complete", TASK_TRACK + ":complete");
    }

    @Test
    void everyUserTaskIsOfferedToTheGroupOfItsDeclaredRaciRole() {
        ProcessInstance pi = start("NONCONFORMITY", 7L);
        // ProcessSteps.complete asserts the exact candidate groups of each task before completing it
        flow.runToClosure(pi, true);

        Assertions.assertThat(processEngine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).count()).isEqualTo(6);
    }

    @Test
    void aStartWithoutSubjectTypeIsRefused() {
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(KEY, BUSINESS_KEY, Map.of("subjectId", 7L)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("subjectType");
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    private ProcessInstance start(String subjectType, long subjectId) {
        return runtimeService.startProcessInstanceByKey(KEY, BUSINESS_KEY,
                Map.of("subjectType", subjectType, "subjectId", subjectId));
    }
}
