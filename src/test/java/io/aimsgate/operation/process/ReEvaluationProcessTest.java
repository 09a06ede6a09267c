package io.aimsgate.operation.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The re-evaluation gate, path by path: the message start of a monitoring breach and the manual start, the
 * re-assessment and the Accountable decision, the watch after a CONTINUE (yearly timer or the next breach of the
 * same system), SUSPEND, and RETIRE handing over to the retirement gate, deployed alongside so the hand-over by
 * message RetirementRequested really starts a retirement instance. Delegates are {@link ReevalRetireDoubles};
 * candidate groups come from the real RACI listener over the application matrix. The engine clock is fixed at
 * {@link #NOW} and moved to a timer's due date before it is fired.
 */
@Deployment(resources = {"processes/re-evaluation.bpmn", "processes/retirement.bpmn",
        "forms/reevaluation-start.form", "forms/reevaluation-assessment.form", "forms/reevaluation-decision.form",
        "forms/retirement-start.form", "forms/retirement-plan.form"})
@ExtendWith(ProcessEngineExtension.class)
class ReEvaluationProcessTest {

    static final String KEY = "re-evaluation";
    static final String START_REQUESTED = "start_reevaluation_requested";
    static final String START_MANUAL = "start_reevaluation_manual";
    static final String TASK_OPEN = "task_open_reevaluation";
    static final String TASK_REASSESS = "task_reassess";
    static final String TASK_DECISION = "task_reevaluation_decision";
    static final String GATEWAY_DECISION = "gateway_reevaluation_decision";
    static final String TASK_RECORD_CONTINUE = "task_record_continue";
    static final String GATEWAY_WAIT = "gateway_wait_next_trigger";
    static final String TIMER_YEARLY = "timer_yearly_reevaluation";
    static final String TASK_NOTE_YEARLY = "task_note_yearly_trigger";
    static final String MESSAGE_BREACH = "message_threshold_breached";
    static final String TASK_SUSPEND = "task_suspend_system";
    static final String END_SUSPENDED = "end_system_suspended";
    static final String TASK_REQUEST_RETIREMENT = "task_request_retirement";
    static final String END_RETIREMENT_REQUESTED = "end_retirement_requested";

    static final String MSG_REQUESTED = "ReEvaluationRequested";
    static final String MSG_BREACH = "MonitoringThresholdBreached";
    static final String MSG_RETIREMENT = "RetirementRequested";

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final long SYSTEM = 7L;
    static final long OTHER_SYSTEM = 8L;
    static final String BREACH_DETAIL = "accuracy 0.81 below its objective 0.85 over 7 days";
    static final String FINDINGS = "Accuracy dropped after the October data shift; fairness metrics unchanged.";
    static final String RATIONALE = "Decided on the findings and the monitoring evidence.";
    static final String STARTER = "mia"; // ml-engineers

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    FormService formService;
    IdentityService identityService;
    ProcessSteps steps;
    ReevalRetireDoubles doubles;

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        runtimeService = processEngine.getRuntimeService();
        formService = processEngine.getFormService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        doubles = new ReevalRetireDoubles().register();
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void aBreachIsReassessedContinuedThenWatchedUntilTheYearlyTimerAndTheNextBreachOfTheSameSystem() {
        ProcessInstance pi = requestByMessage(SYSTEM, Map.of());

        // opened for the breach, re-assessed by the ML engineers
        assertThat(pi).hasPassedInOrder(START_REQUESTED, TASK_OPEN).hasNotPassed(START_MANUAL)
                .isWaitingAtExactly(TASK_REASSESS);
        Assertions.assertThat(doubles.delegate("openLifecycleGate").onlyRun())
                .containsEntry("systemId", SYSTEM).containsEntry("trigger", "MONITORING_BREACH")
                .containsEntry("triggerDetail", BREACH_DETAIL)
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_OPEN);
        Assertions.assertThat(steps.variable(pi, "reevaluationInterval")).isEqualTo("P1Y");
        reassess(pi, "CONTINUE");

        // the Accountable continues operation: recorded, then the instance watches the system
        assertThat(pi).isWaitingAtExactly(TASK_DECISION);
        decide(pi, "CONTINUE");
        assertThat(pi).hasPassedInOrder(TASK_REASSESS, TASK_DECISION, GATEWAY_DECISION, TASK_RECORD_CONTINUE)
                .isWaitingAtExactly(GATEWAY_WAIT);
        Assertions.assertThat(doubles.delegate("continueOperation").onlyRun())
                .containsEntry("lastDecision", "CONTINUE").containsEntry("findings", FINDINGS)
                .containsEntry("recommendation", "CONTINUE").containsEntry("gateId", ReevalRetireDoubles.FIRST_GATE_ID);
        assertWatching(pi, NOW, "P1Y");

        // a year later the timer fires: the yearly trigger is noted and the system is re-assessed again
        Instant firstDue = plus(NOW, "P1Y");
        ClockUtil.setCurrentTime(Date.from(firstDue));
        steps.fire(steps.timerJob(pi, TIMER_YEARLY));
        assertThat(pi).isWaitingAtExactly(TASK_REASSESS).hasPassed(TIMER_YEARLY, TASK_NOTE_YEARLY)
                .hasNotPassed(MESSAGE_BREACH);
        assertNotWatching(pi);
        Assertions.assertThat(doubles.delegate("noteYearlyTrigger").onlyRun())
                .containsEntry(RecordingDelegate.ACTIVITY, TASK_NOTE_YEARLY);
        Assertions.assertThat(steps.variable(pi, "trigger")).isEqualTo("YEARLY");
        Assertions.assertThat(steps.variable(pi, "gateId")).isEqualTo(ReevalRetireDoubles.FIRST_GATE_ID + 1);
        Assertions.assertThat(steps.passedCount(pi, TASK_REASSESS)).isEqualTo(1);
        reassess(pi, "CONTINUE");
        decide(pi, "CONTINUE");

        // watched again, a year after this CONTINUE
        assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT);
        assertWatching(pi, firstDue, "P1Y");

        // a breach of another system is not this instance's business; a breach of this system is
        ProcessInstance other = continuedInstance(OTHER_SYSTEM);
        correlateBreach(SYSTEM, "drift on feature income above 0.2 PSI");
        assertThat(pi).isWaitingAtExactly(TASK_REASSESS).hasPassed(MESSAGE_BREACH);
        assertThat(other).isWaitingAtExactly(GATEWAY_WAIT);
        assertNotWatching(pi);
        Assertions.assertThat(steps.variable(pi, "trigger")).isEqualTo("MONITORING_BREACH");
        Assertions.assertThat(steps.variable(pi, "triggerDetail")).isEqualTo("drift on feature income above 0.2 PSI");
        Assertions.assertThat(doubles.runs("noteYearlyTrigger")).as("only the timer path notes a yearly trigger")
                .hasSize(1);

        // the third re-assessment ends the watch with a suspension
        reassess(pi, "SUSPEND");
        decide(pi, "SUSPEND");
        assertThat(pi).isEnded().hasPassed(TASK_SUSPEND, END_SUSPENDED).hasNotPassed(TASK_REQUEST_RETIREMENT);
        Assertions.assertThat(steps.passedCount(pi, TASK_REASSESS)).isEqualTo(3);
        Assertions.assertThat(steps.passedCount(pi, TASK_DECISION)).isEqualTo(3);
        Assertions.assertThat(steps.passedCount(pi, TASK_RECORD_CONTINUE)).isEqualTo(2);
        Assertions.assertThat(doubles.ran).as("delegates of this instance and the other system's, in order")
                .containsExactly("openLifecycleGate@" + TASK_OPEN, "continueOperation@" + TASK_RECORD_CONTINUE,
                        "noteYearlyTrigger@" + TASK_NOTE_YEARLY, "continueOperation@" + TASK_RECORD_CONTINUE,
                        "openLifecycleGate@" + TASK_OPEN, "continueOperation@" + TASK_RECORD_CONTINUE,
                        "suspendSystem@" + TASK_SUSPEND);
        Assertions.assertThat(doubles.completedDecisions()).containsExactly(
                TASK_REASSESS + ":SUBMIT", TASK_DECISION + ":CONTINUE",
                TASK_REASSESS + ":SUBMIT", TASK_DECISION + ":CONTINUE",
                TASK_REASSESS + ":SUBMIT", TASK_DECISION + ":CONTINUE", // the other system
                TASK_REASSESS + ":SUBMIT", TASK_DECISION + ":SUSPEND");
    }

    @Test
    void suspendSuspendsTheSystemAndEndsTheWatch() {
        ProcessInstance pi = requestByMessage(SYSTEM, Map.of());
        reassess(pi, "SUSPEND");
        decide(pi, "SUSPEND");

        assertThat(pi).isEnded().hasPassedInOrder(START_REQUESTED, TASK_OPEN, TASK_REASSESS, TASK_DECISION,
                GATEWAY_DECISION, TASK_SUSPEND, END_SUSPENDED)
                .hasNotPassed(TASK_RECORD_CONTINUE, GATEWAY_WAIT, TASK_REQUEST_RETIREMENT, END_RETIREMENT_REQUESTED);
        Assertions.assertThat(doubles.delegate("suspendSystem").onlyRun()).containsEntry("lastDecision", "SUSPEND")
                .containsEntry("systemId", SYSTEM).containsEntry(RecordingDelegate.ACTIVITY, TASK_SUSPEND);
        Assertions.assertThat(doubles.ran).containsExactly("openLifecycleGate@" + TASK_OPEN,
                "suspendSystem@" + TASK_SUSPEND);
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
        Assertions.assertThat(runtimeService.createEventSubscriptionQuery().eventName(MSG_BREACH).count()).isZero();
    }

    @Test
    void retireRequestsTheRetirementGateWhichStartsForTheSameSystem() {
        doubles.requestRetirementBehaviour = execution -> execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(MSG_RETIREMENT)
                .setVariable("systemId", execution.getVariable("systemId"))
                .setVariable("triggerDetail", "Re-evaluation decided RETIRE: " + execution.getVariable("findings"))
                .correlateStartMessage();
        ProcessInstance pi = requestByMessage(SYSTEM, Map.of());
        reassess(pi, "RETIRE");
        decide(pi, "RETIRE");

        assertThat(pi).isEnded().hasPassedInOrder(TASK_DECISION, GATEWAY_DECISION, TASK_REQUEST_RETIREMENT,
                END_RETIREMENT_REQUESTED).hasNotPassed(TASK_RECORD_CONTINUE, TASK_SUSPEND, END_SUSPENDED);
        Assertions.assertThat(doubles.delegate("requestRetirement").onlyRun()).containsEntry("lastDecision", "RETIRE")
                .containsEntry("systemId", SYSTEM).containsEntry(RecordingDelegate.ACTIVITY, TASK_REQUEST_RETIREMENT);
        Assertions.assertThat(doubles.runs("suspendSystem")).isEmpty();
        Assertions.assertThat(doubles.runs("continueOperation")).isEmpty();

        // the hand-over: a retirement instance for the same system, waiting for its plan
        ProcessInstance retirement = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey("retirement").singleResult();
        Assertions.assertThat(retirement).as("retirement instance").isNotNull();
        assertThat(retirement).hasPassedInOrder("start_retirement_requested", "task_open_retirement")
                .isWaitingAtExactly("task_retirement_plan");
        Assertions.assertThat(steps.candidateGroups(steps.openTask(retirement, "task_retirement_plan")))
                .containsExactly(RaciGroups.AI_PRODUCT_OWNERS);
        Assertions.assertThat(runtimeService.getVariables(retirement.getId())).containsEntry("systemId", SYSTEM)
                .containsEntry("triggerDetail", "Re-evaluation decided RETIRE: " + FINDINGS)
                .doesNotContainKeys("findings", "lastDecision");
        Assertions.assertThat(doubles.ran).containsExactly("openLifecycleGate@" + TASK_OPEN,
                "requestRetirement@" + TASK_REQUEST_RETIREMENT, "openLifecycleGate@task_open_retirement");
    }

    @Test
    void aManualRequestStartsWithTheStartFormAndTriggerManual() {
        ProcessDefinition definition = processEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(KEY).singleResult();
        CamundaFormRef startForm = formService.getStartFormData(definition.getId()).getCamundaFormRef();
        Assertions.assertThat(startForm.getKey()).isEqualTo("reevaluation-start");
        Assertions.assertThat(startForm.getBinding()).isEqualTo("deployment");

        identityService.setAuthenticatedUserId(STARTER);
        ProcessInstance pi;
        try {
            pi = formService.submitStartForm(definition.getId(), Map.of("systemId", SYSTEM,
                    "triggerDetail", "Customer complaints about rejected applications doubled in November."));
        } finally {
            identityService.clearAuthentication();
        }

        assertThat(pi).hasPassedInOrder(START_MANUAL, TASK_OPEN).hasNotPassed(START_REQUESTED)
                .isWaitingAtExactly(TASK_REASSESS);
        Map<String, Object> opened = doubles.delegate("openLifecycleGate").onlyRun();
        Assertions.assertThat(opened).containsEntry("systemId", SYSTEM).containsEntry("initiator", STARTER)
                .containsEntry("triggerDetail", "Customer complaints about rejected applications doubled in November.")
                .doesNotContainKey("trigger");
        Assertions.assertThat(steps.variable(pi, "trigger")).isEqualTo("MANUAL");
        reassess(pi, "CONTINUE");
        decide(pi, "CONTINUE");
        assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT);
        assertWatching(pi, NOW, "P1Y");
    }

    @Test
    void aSystemEnteringOperationIsWatchedFromTheStartAndFirstReassessedWhenTheYearIsOver() {
        ProcessInstance pi = runtimeService.createMessageCorrelation("OperationStarted")
                .setVariables(Map.of("systemId", SYSTEM, "reevaluationInterval", "P1Y", "systemName", "Routes"))
                .correlateStartMessage();

        // no gate run is opened and nobody is asked anything until a trigger arrives
        assertThat(pi).hasPassed("start_operation_started", "gateway_merge_wait").hasNotPassed(TASK_OPEN, TASK_REASSESS)
                .isWaitingAtExactly(GATEWAY_WAIT);
        assertWatching(pi, NOW, "P1Y");
        Assertions.assertThat(doubles.ran).isEmpty();

        ClockUtil.setCurrentTime(Date.from(plus(NOW, "P1Y")));
        steps.fire(steps.timerJob(pi, TIMER_YEARLY));
        assertThat(pi).isWaitingAtExactly(TASK_REASSESS).hasPassed(TASK_NOTE_YEARLY);
        Assertions.assertThat(doubles.ran).containsExactly("noteYearlyTrigger@" + TASK_NOTE_YEARLY);
    }

    @Test
    void aSystemEnteringOperationIsReassessedAtOnceOnABreach() {
        ProcessInstance pi = runtimeService.createMessageCorrelation("OperationStarted")
                .setVariables(Map.of("systemId", SYSTEM, "reevaluationInterval", "P1Y"))
                .correlateStartMessage();
        correlateBreach(SYSTEM, BREACH_DETAIL);
        assertThat(pi).isWaitingAtExactly(TASK_REASSESS).hasPassed(MESSAGE_BREACH).hasNotPassed(TASK_NOTE_YEARLY);
        assertNotWatching(pi);
    }

    @Test
    void aManualRequestForAWatchedSystemIsHandedToTheWatchAndEnds() {
        doubles.handOverToWatch = true;
        ProcessInstance pi = runtimeService.startProcessInstanceByKey(KEY, Map.of("systemId", SYSTEM,
                "triggerDetail", "New regulator guidance on credit scoring"));

        assertThat(pi).isEnded().hasPassedInOrder(TASK_OPEN, "gateway_handed_over", "end_handed_over")
                .hasNotPassed(TASK_REASSESS);
    }

    @Test
    void theTimerWaitsTheIntervalTheGateWasOpenedWith() {
        ProcessInstance pi = requestByMessage(SYSTEM, Map.of("reevaluationInterval", "P6M"));
        reassess(pi, "CONTINUE");
        decide(pi, "CONTINUE");

        assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT);
        assertWatching(pi, NOW, "P6M");
        Assertions.assertThat(steps.timerJob(pi, TIMER_YEARLY).getDuedate())
                .isBefore(Date.from(plus(NOW, "P1Y")));
    }

    // ---- steps

    private ProcessInstance requestByMessage(long systemId, Map<String, Object> extra) {
        Map<String, Object> variables = new HashMap<>(Map.of("systemId", systemId, "trigger", "MONITORING_BREACH",
                "triggerDetail", BREACH_DETAIL));
        variables.putAll(extra);
        ProcessInstance pi = runtimeService.createMessageCorrelation(MSG_REQUESTED).setVariables(variables)
                .correlateStartMessage();
        assertThat(pi).hasProcessDefinitionKey(KEY);
        return pi;
    }

    /** Another system's instance, past one CONTINUE and watching. */
    private ProcessInstance continuedInstance(long systemId) {
        ProcessInstance pi = requestByMessage(systemId, Map.of());
        reassess(pi, "CONTINUE");
        decide(pi, "CONTINUE");
        assertThat(pi).isWaitingAtExactly(GATEWAY_WAIT);
        return pi;
    }

    private void correlateBreach(long systemId, String detail) {
        runtimeService.createMessageCorrelation(MSG_BREACH).processInstanceVariableEquals("systemId", systemId)
                .setVariable("trigger", "MONITORING_BREACH").setVariable("triggerDetail", detail).correlate();
    }

    /** The ML engineers submit a re-assessment (a work task: no decision field). */
    private void reassess(ProcessInstance pi, String recommendation) {
        steps.complete(pi, TASK_REASSESS, RaciGroups.ML_ENGINEERS, Map.of("findings", FINDINGS,
                "recommendation", recommendation, "rationale", "Recommended on the findings above."));
    }

    /** The Accountable AI product owners decide. */
    private void decide(ProcessInstance pi, String decision) {
        steps.complete(pi, TASK_DECISION, RaciGroups.AI_PRODUCT_OWNERS,
                Map.of("decision", decision, "rationale", RATIONALE));
    }

    /** Waiting for the next trigger: the interval's timer, due that long after {@code from}, and the breach message. */
    private void assertWatching(ProcessInstance pi, Instant from, String interval) {
        Assertions.assertThat(steps.timerJobs(pi, TIMER_YEARLY)).isEqualTo(1);
        Assertions.assertThat(steps.timerJob(pi, TIMER_YEARLY).getDuedate()).isEqualTo(Date.from(plus(from, interval)));
        Assertions.assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventType("message").list()).extracting(s -> s.getEventName() + "@" + s.getActivityId())
                .containsExactly(MSG_BREACH + "@" + MESSAGE_BREACH);
    }

    /** After one trigger the other one is gone. */
    private void assertNotWatching(ProcessInstance pi) {
        Assertions.assertThat(steps.timerJobs(pi, TIMER_YEARLY)).isZero();
        Assertions.assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(pi.getId()).list())
                .isEmpty();
    }

    /** An ISO-8601 period of years or months added as the engine's calendar adds it (default time zone). */
    private static Instant plus(Instant from, String interval) {
        ZonedDateTime start = ZonedDateTime.ofInstant(from, ZoneId.systemDefault());
        return switch (interval) {
            case "P1Y" -> start.plusYears(1).toInstant();
            case "P6M" -> start.plusMonths(6).toInstant();
            default -> throw new IllegalArgumentException(interval);
        };
    }
}
