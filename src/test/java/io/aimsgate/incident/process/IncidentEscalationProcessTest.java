package io.aimsgate.incident.process;

import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciGroups;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The incident-escalation flow, path by path, with the real incident-severity decision and the real
 * corrective-action process behind the call activity. Service tasks are test doubles that set the variables the
 * production delegates set; the RACI task listener is the real one. Timers are fired by executing their jobs
 * with the engine clock fixed at {@link #NOW}.
 */
@Deployment(resources = {"processes/incident-escalation.bpmn", "processes/incident-severity.dmn",
        "processes/corrective-action.bpmn", "forms/incident-report.form", "forms/incident-containment.form",
        "forms/incident-board-escalation.form", "forms/incident-regulator-notification.form",
        "forms/incident-resumption-decision.form", "forms/incident-closure.form", "forms/corrective-correction.form",
        "forms/corrective-root-cause.form", "forms/corrective-plan.form", "forms/corrective-tracking.form",
        "forms/corrective-effectiveness.form", "forms/corrective-closure.form"})
@ExtendWith(ProcessEngineExtension.class)
class IncidentEscalationProcessTest {

    static final String KEY = "incident-escalation";
    static final String START = "start_incident_reported";
    static final String TASK_REGISTER = "task_register_incident";
    static final String TASK_CLASSIFY = "task_classify_incident";
    static final String TASK_APPLY = "task_apply_classification";
    static final String GATEWAY_SUSPENSION = "gateway_suspension_required";
    static final String TASK_SUSPEND = "task_suspend_versions";
    static final String TASK_NOTIFY_BOARD = "task_notify_board";
    static final String TASK_CONTAIN = "task_contain_incident";
    static final String TIMER_CONTAINMENT = "timer_containment_sla";
    static final String TASK_ESCALATE_CONTAINMENT = "task_escalate_containment";
    static final String END_CONTAINMENT_ESCALATED = "end_containment_escalated";
    static final String TASK_RECORD_CONTAINMENT = "task_record_containment";
    static final String TASK_NOTIFY_REGULATOR = "task_notify_regulator";
    static final String TIMER_REGULATOR = "timer_regulator_deadline";
    static final String TASK_ESCALATE_REGULATOR = "task_escalate_regulator_deadline";
    static final String END_REGULATOR_ESCALATED = "end_regulator_escalated";
    static final String TASK_RECORD_REGULATOR = "task_record_regulator_notification";
    static final String GATEWAY_RESPONSE_DONE = "gateway_response_done";
    static final String CALL_CORRECTIVE_ACTION = "call_corrective_action";
    static final String TASK_CHECK_RESUMPTION = "task_check_resumption";
    static final String TASK_DECIDE_RESUMPTION = "task_decide_resumption";
    static final String TASK_RESUME = "task_resume_versions";
    static final String TASK_CLOSE = "task_close_incident";
    static final String TASK_RECORD_CLOSURE = "task_record_closure";
    static final String END = "end_incident_closed";

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final String BUSINESS_KEY = "INC-2026-0042";
    static final long INCIDENT_ID = 42L;
    static final String REPORTER = "rita";
    static final List<String> HARMS = List.of("death", "criticalInfrastructureDisruption", "widespreadInfringement",
            "seriousHealthHarm", "fundamentalRightsInfringement", "propertyOrEnvironmentHarm");
    /** Containment SLA per severity, as aims.incident.containment-sla configures it. */
    static final Map<String, Duration> SLA = Map.of("SEV1", Duration.ofHours(1), "SEV2", Duration.ofHours(4),
            "SEV3", Duration.ofDays(1), "SEV4", Duration.ofDays(3));
    /** The board is alerted this long before the Art. 73 deadline. */
    static final Duration REGULATOR_LEAD = Duration.ofDays(1);
    static final String BLOCKER = "Corrective action 7 'Add a drift alert' is not DONE";

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    TaskService taskService;
    IdentityService identityService;
    ProcessSteps steps;
    CorrectiveActionFlow corrective;

    /** The inventory's answer to "is the reported system high-risk?" for {@link #register}. */
    boolean highRiskSystem;
    RecordingDelegate register;
    RecordingDelegate apply;
    RecordingDelegate suspend;
    RecordingDelegate notifyBoard;
    RecordingDelegate recordContainment;
    RecordingDelegate recordRegulatorNotification;
    ScriptedResumptionCheck checkResumption;
    RecordingDelegate resume;
    RecordingDelegate closeIncident;

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        runtimeService = processEngine.getRuntimeService();
        taskService = processEngine.getTaskService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        corrective = new CorrectiveActionFlow(steps);
        corrective.registerMocks();

        highRiskSystem = false;
        register = new RecordingDelegate(this::registerIncident);
        apply = new RecordingDelegate(IncidentEscalationProcessTest::applyClassification);
        suspend = new RecordingDelegate();
        notifyBoard = new RecordingDelegate();
        recordContainment = new RecordingDelegate();
        recordRegulatorNotification = new RecordingDelegate();
        checkResumption = new ScriptedResumptionCheck();
        resume = new RecordingDelegate();
        closeIncident = new RecordingDelegate();
        Mocks.register("registerIncident", register);
        Mocks.register("applyIncidentClassification", apply);
        Mocks.register("suspendAffectedVersions", suspend);
        Mocks.register("notifyGovernanceBoard", notifyBoard);
        Mocks.register("recordContainment", recordContainment);
        Mocks.register("recordRegulatorNotification", recordRegulatorNotification);
        Mocks.register("checkResumption", checkResumption);
        Mocks.register("resumeSuspendedVersions", resume);
        Mocks.register("closeIncident", closeIncident);
        Mocks.register("raciTaskListener", IncidentRaci.listener());
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void aSeriousSev1IncidentSuspendsEscalatesOverdueWorkWithoutCancellingItAndResumesOnlyWhenUnblocked() {
        highRiskSystem = true;
        checkResumption.script(BLOCKER, null);
        ProcessInstance pi = report(Map.of("type", "HARMFUL_OUTPUT", "death", true));

        // registered, classified by the decision, suspended, board notified
        Assertions.assertThat(register.onlyRun()).containsEntry("reporter", REPORTER)
                .containsEntry(RecordingDelegate.BUSINESS_KEY, BUSINESS_KEY).containsEntry("death", true);
        Assertions.assertThat(classification(pi)).containsEntry("severity", "SEV1")
                .containsEntry("seriousIncident", true).containsEntry("notificationDays", 10);
        assertThat(pi).hasPassedInOrder(START, TASK_REGISTER, TASK_CLASSIFY, TASK_APPLY, GATEWAY_SUSPENSION,
                TASK_SUSPEND, TASK_NOTIFY_BOARD);
        Assertions.assertThat(suspend.onlyRun()).containsEntry("severity", "SEV1").containsEntry("incidentId",
                INCIDENT_ID);
        Assertions.assertThat(notifyBoard.runs).hasSize(1);

        // containment and the regulator notification run in parallel, each under its timer
        steps.assertOpenTasks(pi, TASK_CONTAIN, TASK_NOTIFY_REGULATOR);
        String containment = steps.openTask(pi, TASK_CONTAIN).getId();
        String notification = steps.openTask(pi, TASK_NOTIFY_REGULATOR).getId();
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_CONTAIN)))
                .containsExactly(RaciGroups.ML_ENGINEERS);
        Assertions.assertThat(steps.candidateGroups(steps.openTask(pi, TASK_NOTIFY_REGULATOR)))
                .containsExactly(RaciGroups.LEGAL);
        Assertions.assertThat(steps.timerJob(pi, TIMER_CONTAINMENT).getDuedate())
                .isEqualTo(Date.from(NOW.plus(SLA.get("SEV1"))));
        Assertions.assertThat(steps.timerJob(pi, TIMER_REGULATOR).getDuedate())
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(10)).minus(REGULATOR_LEAD)));

        // the containment SLA runs out: the board reviews, containment stays open with its team
        steps.fire(steps.timerJob(pi, TIMER_CONTAINMENT));
        steps.assertOpenTasks(pi, TASK_CONTAIN, TASK_NOTIFY_REGULATOR, TASK_ESCALATE_CONTAINMENT);
        Assertions.assertThat(steps.openTask(pi, TASK_CONTAIN).getId()).isEqualTo(containment);

        // the regulator deadline approaches: the board reviews, the notification stays open with legal
        steps.fire(steps.timerJob(pi, TIMER_REGULATOR));
        steps.assertOpenTasks(pi, TASK_CONTAIN, TASK_NOTIFY_REGULATOR, TASK_ESCALATE_CONTAINMENT,
                TASK_ESCALATE_REGULATOR);
        Assertions.assertThat(steps.openTask(pi, TASK_NOTIFY_REGULATOR).getId()).isEqualTo(notification);
        Assertions.assertThat(steps.timerJobs(pi, TIMER_CONTAINMENT) + steps.timerJobs(pi, TIMER_REGULATOR))
                .as("each timer fires once").isZero();

        steps.complete(pi, TASK_ESCALATE_CONTAINMENT, RaciGroups.GOVERNANCE_BOARD,
                Map.of("boardInstruction", "Take the scoring API offline until containment is confirmed."));
        steps.complete(pi, TASK_ESCALATE_REGULATOR, RaciGroups.GOVERNANCE_BOARD,
                Map.of("boardInstruction", "Submit the initial report today; complete it later."));
        assertThat(pi).hasPassed(END_CONTAINMENT_ESCALATED, END_REGULATOR_ESCALATED);
        steps.assertOpenTasks(pi, TASK_CONTAIN, TASK_NOTIFY_REGULATOR);

        // both branches must finish before the corrective action starts
        contain(pi);
        Assertions.assertThat(recordContainment.onlyRun()).containsEntry("contained", true);
        steps.assertOpenTasks(pi, TASK_NOTIFY_REGULATOR);
        Assertions.assertThat(runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).count())
                .isZero();
        notifyRegulator(pi);
        Assertions.assertThat(recordRegulatorNotification.onlyRun()).containsEntry("submissionReference",
                "MSA-2026-118");

        // root cause and corrective action, as subject INCIDENT 42 under the incident's business key
        assertThat(pi).isWaitingAtExactly(CALL_CORRECTIVE_ACTION).hasPassed(GATEWAY_RESPONSE_DONE);
        ProcessInstance called = steps.calledInstance(pi);
        assertThat(called).hasProcessDefinitionKey(CorrectiveActionFlow.KEY).hasBusinessKey(BUSINESS_KEY)
                .isWaitingAtExactly(CorrectiveActionFlow.TASK_ROOT_CAUSE);
        Assertions.assertThat(runtimeService.getVariables(called.getId())).as("only what the call activity passes")
                .containsOnly(Map.entry("subjectType", "INCIDENT"), Map.entry("subjectId", INCIDENT_ID));
        corrective.runToClosure(called, false);

        // resumption: blocked once, decided again after a new check, then resumed
        assertThat(pi).isWaitingAtExactly(TASK_DECIDE_RESUMPTION);
        Assertions.assertThat(steps.variable(pi, "resumptionBlocked")).isEqualTo(true);
        Assertions.assertThat(steps.variable(pi, "resumptionBlockers")).isEqualTo(BLOCKER);
        decideResumption(pi, "RESUME");

        assertThat(pi).isWaitingAtExactly(TASK_DECIDE_RESUMPTION);
        Assertions.assertThat(checkResumption.runs).isEqualTo(2);
        Assertions.assertThat(resume.runs).isEmpty();
        Assertions.assertThat(steps.variable(pi, "resumptionBlocked")).isEqualTo(false);
        decideResumption(pi, "RESUME");

        Assertions.assertThat(resume.onlyRun()).containsEntry("resumptionDecision", "RESUME")
                .containsEntry("resumptionBlocked", false);
        assertThat(pi).isWaitingAtExactly(TASK_CLOSE);
        closeIncident(pi);

        assertThat(pi).isEnded().hasPassedInOrder(CALL_CORRECTIVE_ACTION, TASK_CHECK_RESUMPTION,
                TASK_DECIDE_RESUMPTION, TASK_RESUME, TASK_CLOSE, TASK_RECORD_CLOSURE, END);
        Assertions.assertThat(steps.passedCount(pi, TASK_CHECK_RESUMPTION)).isEqualTo(2);
        Assertions.assertThat(steps.passedCount(pi, TASK_DECIDE_RESUMPTION)).isEqualTo(2);
        Assertions.assertThat(closeIncident.onlyRun()).containsKey("lessonsLearned");
    }

    @Test
    void aNonSeriousSev4IncidentIsContainedAndClosedWithoutSuspensionRegulatorOrResumption() {
        ProcessInstance pi = report(Map.of("type", "OTHER"));

        Map<String, Object> classification = classification(pi);
        Assertions.assertThat(classification).containsEntry("severity", "SEV4")
                .containsEntry("seriousIncident", false);
        Assertions.assertThat(classification.get("notificationDays")).isNull();
        Assertions.assertThat(steps.variable(pi, "suspensionRequired")).isEqualTo(false);
        steps.assertOpenTasks(pi, TASK_CONTAIN);
        Assertions.assertThat(steps.timerJobs(pi, TIMER_REGULATOR)).isZero();
        Assertions.assertThat(steps.timerJob(pi, TIMER_CONTAINMENT).getDuedate())
                .isEqualTo(Date.from(NOW.plus(SLA.get("SEV4"))));

        // contained within the SLA: the timer goes with the task, nobody is escalated to
        contain(pi);
        Assertions.assertThat(steps.timerJobs(pi, TIMER_CONTAINMENT)).isZero();

        ProcessInstance called = steps.calledInstance(pi);
        corrective.runToClosure(called, false);

        assertThat(pi).isWaitingAtExactly(TASK_CLOSE);
        closeIncident(pi);

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_REGISTER, TASK_CLASSIFY, TASK_APPLY, TASK_CONTAIN,
                TASK_RECORD_CONTAINMENT, CALL_CORRECTIVE_ACTION, TASK_CLOSE, TASK_RECORD_CLOSURE, END);
        assertThat(pi).hasNotPassed(TASK_SUSPEND, TASK_NOTIFY_BOARD, TASK_NOTIFY_REGULATOR, TASK_RECORD_REGULATOR,
                TASK_ESCALATE_CONTAINMENT, TASK_ESCALATE_REGULATOR, TASK_CHECK_RESUMPTION, TASK_DECIDE_RESUMPTION,
                TASK_RESUME);
        Assertions.assertThat(suspend.runs).isEmpty();
        Assertions.assertThat(notifyBoard.runs).isEmpty();
        Assertions.assertThat(recordRegulatorNotification.runs).isEmpty();
        Assertions.assertThat(checkResumption.runs).isZero();
        Assertions.assertThat(resume.runs).isEmpty();
        Assertions.assertThat(closeIncident.runs).hasSize(1);
    }

    @Test
    void suspendedVersionsCanStaySuspendedWhenTheIncidentIsClosed() {
        checkResumption.script(BLOCKER);
        ProcessInstance pi = report(Map.of("type", "DATA_POISONING"));

        Assertions.assertThat(classification(pi)).containsEntry("severity", "SEV2")
                .containsEntry("seriousIncident", false);
        assertThat(pi).hasPassed(TASK_SUSPEND, TASK_NOTIFY_BOARD);
        steps.assertOpenTasks(pi, TASK_CONTAIN);
        contain(pi);
        corrective.runToClosure(steps.calledInstance(pi), false);

        assertThat(pi).isWaitingAtExactly(TASK_DECIDE_RESUMPTION);
        decideResumption(pi, "KEEP_SUSPENDED");

        assertThat(pi).isWaitingAtExactly(TASK_CLOSE);
        closeIncident(pi);
        assertThat(pi).isEnded().hasPassed(TASK_CHECK_RESUMPTION, TASK_DECIDE_RESUMPTION, END)
                .hasNotPassed(TASK_RESUME, TASK_NOTIFY_REGULATOR);
        Assertions.assertThat(resume.runs).isEmpty();
        Assertions.assertThat(checkResumption.runs).isEqualTo(1);
        Assertions.assertThat(closeIncident.onlyRun()).containsEntry("resumptionDecision", "KEEP_SUSPENDED")
                .containsEntry("suspensionRequired", true);
    }

    @Test
    void anUnknownResumptionDecisionIsRefusedAndTheDecisionStaysOpen() {
        checkResumption.script((String) null);
        ProcessInstance pi = report(Map.of("type", "MODEL_THEFT"));
        contain(pi);
        corrective.runToClosure(steps.calledInstance(pi), false);
        String decision = steps.openTask(pi, TASK_DECIDE_RESUMPTION).getId();

        assertThatThrownBy(() -> taskService.complete(decision,
                Map.of("resumptionDecision", "MAYBE", "rationale", "Not sure about this one.")))
                .isInstanceOf(ProcessEngineException.class).satisfies(thrown -> Assertions.assertThat(
                        ProcessSteps.causes(thrown)).anySatisfy(cause -> Assertions.assertThat(cause)
                        .isInstanceOf(BadUserRequestException.class).hasMessageContaining(
                                "'resumptionDecision' must be one of [RESUME, KEEP_SUSPENDED]")));

        Assertions.assertThat(taskService.createTaskQuery().taskId(decision).count()).as("task still open")
                .isEqualTo(1);
        Assertions.assertThat(steps.variable(pi, "resumptionDecision")).as("rolled back").isNull();
        decideResumption(pi, "RESUME");
        assertThat(pi).isWaitingAtExactly(TASK_CLOSE);
        Assertions.assertThat(resume.runs).hasSize(1);
    }

    /** The decision's outputs, through the model's gateways: suspension, regulator branch and its deadline timer. */
    @ParameterizedTest(name = "{0} (high-risk {1}), type {2} -> {3}, serious {5}")
    @CsvSource({
            "death,                            true,  OTHER,              SEV1, true,  true,  10",
            "criticalInfrastructureDisruption, true,  AVAILABILITY,       SEV1, true,  true,  2",
            "widespreadInfringement,           true,  OTHER,              SEV1, true,  true,  2",
            "seriousHealthHarm,                false, HARMFUL_OUTPUT,     SEV1, true,  false, ",
            "fundamentalRightsInfringement,    true,  BIAS_AMPLIFICATION, SEV2, true,  true,  15",
            "propertyOrEnvironmentHarm,        false, OTHER,              SEV2, true,  false, ",
            "none,                             true,  PRIVACY_LEAK,       SEV2, true,  false, ",
            "none,                             true,  MODEL_DRIFT,        SEV3, false, false, ",
            "none,                             false, OTHER,              SEV4, false, false, "})
    void theSeverityDecisionDrivesSuspensionAndTheRegulatorBranch(String harm, boolean highRisk, String type,
            String severity, boolean suspension, boolean serious, Integer days) {
        highRiskSystem = highRisk;
        Map<String, Object> report = new HashMap<>(Map.of("type", type));
        if (!"none".equals(harm)) {
            report.put(harm, true);
        }
        ProcessInstance pi = report(report);

        Map<String, Object> classification = classification(pi);
        Assertions.assertThat(classification.get("severity")).isEqualTo(severity);
        Assertions.assertThat(classification.get("seriousIncident")).isEqualTo(serious);
        Assertions.assertThat(classification.get("notificationDays")).isEqualTo(days);
        Assertions.assertThat(steps.variable(pi, "suspensionRequired")).isEqualTo(suspension);
        Assertions.assertThat(suspend.runs).hasSize(suspension ? 1 : 0);
        Assertions.assertThat(notifyBoard.runs).hasSize(suspension ? 1 : 0);
        Assertions.assertThat(steps.timerJob(pi, TIMER_CONTAINMENT).getDuedate())
                .isEqualTo(Date.from(NOW.plus(SLA.get(severity))));
        if (serious) {
            steps.assertOpenTasks(pi, TASK_CONTAIN, TASK_NOTIFY_REGULATOR);
            Assertions.assertThat(steps.timerJob(pi, TIMER_REGULATOR).getDuedate())
                    .isEqualTo(Date.from(NOW.plus(Duration.ofDays(days)).minus(REGULATOR_LEAD)));
        } else {
            steps.assertOpenTasks(pi, TASK_CONTAIN);
            Assertions.assertThat(steps.timerJobs(pi, TIMER_REGULATOR)).isZero();
        }
    }

    // ---- steps

    private ProcessInstance report(Map<String, Object> reported) {
        Map<String, Object> variables = new HashMap<>(Map.of("systemId", 7L, "versionLabels", "2.3.0, 2.3.1",
                "description", "The credit scoring model produced harmful recommendations.",
                "detectedAt", NOW.minus(Duration.ofHours(2)).toString()));
        variables.putAll(reported);
        identityService.setAuthenticatedUserId(REPORTER);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, BUSINESS_KEY, variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> classification(ProcessInstance pi) {
        Object classification = steps.variable(pi, "classification");
        Assertions.assertThat(classification).as("classification").isInstanceOf(Map.class);
        return (Map<String, Object>) classification;
    }

    private void contain(ProcessInstance pi) {
        steps.complete(pi, TASK_CONTAIN, RaciGroups.ML_ENGINEERS, Map.of("containmentActions",
                "Rolled back to 2.2.9 and blocked the affected segment; verified on live traffic.",
                "contained", true));
    }

    private void notifyRegulator(ProcessInstance pi) {
        steps.complete(pi, TASK_NOTIFY_REGULATOR, RaciGroups.LEGAL, Map.of("submissionReference", "MSA-2026-118",
                "notificationSummary", "Initial report submitted to the market surveillance authority."));
    }

    private void decideResumption(ProcessInstance pi, String decision) {
        steps.complete(pi, TASK_DECIDE_RESUMPTION, RaciGroups.GOVERNANCE_BOARD,
                Map.of("resumptionDecision", decision, "rationale", "Decided on the resumption check and evidence."));
    }

    private void closeIncident(ProcessInstance pi) {
        steps.complete(pi, TASK_CLOSE, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("lessonsLearned", "Unit changes upstream need a drift alert; added to the checklist."));
    }

    // ---- test doubles

    /** registerIncident: the incident gets its id and title, the decision its inputs, the call its subject type. */
    private void registerIncident(DelegateExecution execution) {
        execution.setVariable("incidentId", INCIDENT_ID);
        execution.setVariable("incidentTitle", "Credit scoring: harmful recommendations");
        execution.setVariable("subjectType", "INCIDENT");
        execution.setVariable("highRiskSystem", highRiskSystem);
        for (String harm : HARMS) {
            if (execution.getVariable(harm) == null) {
                execution.setVariable(harm, false);
            }
        }
    }

    /** applyIncidentClassification: severity, SLA, suspension and (when serious) the regulator alert date. */
    private static void applyClassification(DelegateExecution execution) {
        Map<?, ?> classification = (Map<?, ?>) execution.getVariable("classification");
        String severity = (String) classification.get("severity");
        boolean serious = Boolean.TRUE.equals(classification.get("seriousIncident"));
        execution.setVariable("severity", severity);
        execution.setVariable("seriousIncident", serious);
        execution.setVariable("suspensionRequired", "SEV1".equals(severity) || "SEV2".equals(severity));
        execution.setVariable("containmentSla", SLA.get(severity).toString());
        if (serious) {
            Instant deadline = ClockUtil.getCurrentTime().toInstant()
                    .plus(Duration.ofDays(((Number) classification.get("notificationDays")).longValue()));
            execution.setVariable("regulatorDeadline", deadline.toString());
            execution.setVariable("regulatorEscalationAt", Date.from(deadline.minus(REGULATOR_LEAD)));
        }
    }

    /** checkResumption: answers blocked (with the blockers) or clear in the scripted order; null means clear. */
    static final class ScriptedResumptionCheck implements JavaDelegate {

        private final Deque<String> answers = new ArrayDeque<>();
        private int scripted;
        int runs;

        void script(String... blockers) {
            for (String blocker : blockers) {
                answers.add(blocker == null ? "" : blocker);
            }
            scripted += blockers.length;
        }

        @Override
        public void execute(DelegateExecution execution) {
            runs++;
            String blockers = answers.poll();
            if (blockers == null) {
                throw new IllegalStateException("No scripted resumption check left (" + scripted + " scripted)");
            }
            execution.setVariable("resumptionBlocked", !blockers.isEmpty());
            execution.setVariable("resumptionBlockers", blockers);
        }
    }
}
