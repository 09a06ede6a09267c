package io.aimsgate.incident.process;

import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.aimsgate.raci.RaciGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The corrective-action process (clause 10.2) as the process tests drive it: its activity ids, test doubles for
 * its delegates and its completion guard, and the steps that work its user tasks as their RACI groups.
 */
final class CorrectiveActionFlow {

    static final String KEY = "corrective-action";
    static final String START = "start_corrective_action";
    static final String GATEWAY_CORRECTION_NEEDED = "gateway_correction_needed";
    static final String TASK_CORRECTION = "task_record_correction";
    static final String TASK_STORE_CORRECTION = "task_store_correction";
    static final String TASK_ROOT_CAUSE = "task_root_cause_analysis";
    static final String TASK_RECORD_ROOT_CAUSE = "task_record_root_cause";
    static final String TASK_PLAN = "task_plan_actions";
    static final String TASK_REGISTER_ACTIONS = "task_register_actions";
    static final String TASK_TRACK = "task_track_actions";
    static final String TASK_EFFECTIVENESS = "task_check_effectiveness";
    static final String TASK_RECORD_EFFECTIVENESS = "task_record_effectiveness";
    static final String GATEWAY_EFFECTIVE = "gateway_effective";
    static final String TASK_CLOSE = "task_close_corrective_action";
    static final String TASK_RECORD_CLOSURE = "task_record_corrective_closure";
    static final String END = "end_corrective_action_closed";

    static final String PLANNED_ACTIONS = "Add a drift alert on feature income | tom | 2026-12-15\n"
            + "Retrain on the corrected data set | ana | 2027-01-31";

    final RecordingDelegate recordCorrection = new RecordingDelegate();
    final RecordingDelegate recordRootCause = new RecordingDelegate();
    final RecordingDelegate registerCorrectiveActions = new RecordingDelegate();
    final RecordingDelegate recordEffectivenessCheck = new RecordingDelegate();
    final RecordingDelegate closeCorrectiveAction = new RecordingDelegate();
    final DoneGuard guard = new DoneGuard();

    private final ProcessSteps steps;

    CorrectiveActionFlow(ProcessSteps steps) {
        this.steps = steps;
    }

    /** Makes ${recordCorrection}, ..., ${correctiveActionsDoneGuard} resolve to the doubles. */
    void registerMocks() {
        Mocks.register("recordCorrection", recordCorrection);
        Mocks.register("recordRootCause", recordRootCause);
        Mocks.register("registerCorrectiveActions", registerCorrectiveActions);
        Mocks.register("recordEffectivenessCheck", recordEffectivenessCheck);
        Mocks.register("closeCorrectiveAction", closeCorrectiveAction);
        Mocks.register("correctiveActionsDoneGuard", guard);
    }

    // ---- steps, each as the RACI group the task declares

    void correct(ProcessInstance pi) {
        steps.complete(pi, TASK_CORRECTION, RaciGroups.ML_ENGINEERS,
                Map.of("correction", "Rolled the scoring service back to 2.2.9 and re-scored the affected cases."));
    }

    void analyseRootCause(ProcessInstance pi) {
        steps.complete(pi, TASK_ROOT_CAUSE, RaciGroups.ML_ENGINEERS, Map.of("rootCauseMethod", "FIVE_WHYS",
                "rootCauses", "The income feature changed its unit upstream; no drift alert on it.",
                "contributingFactors", "Schema checks cover types, not units."));
    }

    void planActions(ProcessInstance pi) {
        steps.complete(pi, TASK_PLAN, RaciGroups.ML_ENGINEERS, Map.of("plannedActions", PLANNED_ACTIONS));
    }

    void completeActions(ProcessInstance pi) {
        steps.complete(pi, TASK_TRACK, RaciGroups.ML_ENGINEERS, Map.of("trackingNote", "Both actions done."));
    }

    void checkEffectiveness(ProcessInstance pi, boolean effective) {
        steps.complete(pi, TASK_EFFECTIVENESS, RaciGroups.AI_PRODUCT_OWNERS, Map.of("effective", effective,
                "effectivenessEvidence", effective ? "Two weeks of monitoring without drift." : "Drift again."));
    }

    void close(ProcessInstance pi) {
        steps.complete(pi, TASK_CLOSE, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("closureNote", "Closed: actions effective, monitoring procedure updated."));
    }

    /** From the first task to the end, effective at the first check. */
    void runToClosure(ProcessInstance pi, boolean withCorrection) {
        if (withCorrection) {
            correct(pi);
        }
        analyseRootCause(pi);
        planActions(pi);
        completeActions(pi);
        checkEffectiveness(pi, true);
        close(pi);
        assertThat(pi).isEnded().hasPassed(END);
    }

    /**
     * Stands in for correctiveActionsDoneGuard, the complete listener of "Complete corrective actions": refuses the
     * completion while {@link #openActions} is above zero, as the real one does while actions are not DONE.
     */
    static final class DoneGuard implements TaskListener {

        long openActions = 0;
        final List<String> checked = new ArrayList<>();

        @Override
        public void notify(DelegateTask task) {
            checked.add(task.getTaskDefinitionKey() + ":" + task.getEventName());
            if (openActions > 0) {
                throw new BadUserRequestException(openActions + " corrective action(s) are not DONE yet");
            }
        }
    }
}
