package io.aimsgate.risk.process;

import static io.aimsgate.risk.RiskAcceptanceProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The risk-acceptance process, path by path: the reminder timer then the expiry timer (the acceptance lapses), and the
 * acceptance ended by message RiskAcceptanceEnded while waiting for either timer; a message about another risk leaves
 * the instance alone. The delegates are recorded stand-ins; the engine clock is fixed at {@link #NOW} and moved to a
 * timer's due date before the timer is fired.
 */
@Deployment(resources = "processes/risk-acceptance.bpmn")
@ExtendWith(ProcessEngineExtension.class)
class RiskAcceptanceProcessTest {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Instant REMINDER_DUE = Instant.parse("2027-04-23T00:00:00Z");
    static final Instant EXPIRY = Instant.parse("2027-05-23T00:00:00Z");
    static final long RISK = 12L;
    static final String ACCEPTED = "2026-11-23T09:00:00.123456Z";

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    ProcessSteps steps;
    RecordingDelegate remind;
    RecordingDelegate lapse;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        steps = new ProcessSteps(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        remind = new RecordingDelegate();
        lapse = new RecordingDelegate();
        Mocks.register("remindRiskAcceptanceOwner", remind);
        Mocks.register("lapseRiskAcceptance", lapse);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void theOwnerIsRemindedAheadAndTheAcceptanceLapsesAtItsExpiry() {
        ProcessInstance pi = start(RISK);

        assertThat(pi).isWaitingAtExactly(SUBPROCESS, TIMER_REMINDER);
        Assertions.assertThat(steps.timerJob(pi, TIMER_REMINDER).getDuedate()).isEqualTo(Date.from(REMINDER_DUE));
        ClockUtil.setCurrentTime(Date.from(REMINDER_DUE));
        steps.fire(steps.timerJob(pi, TIMER_REMINDER));

        Assertions.assertThat(remind.onlyRun()).containsEntry(RISK_ID, RISK).containsEntry(ACCEPTED_AT, ACCEPTED);
        Assertions.assertThat(lapse.runs).isEmpty();
        assertThat(pi).isWaitingAtExactly(SUBPROCESS, TIMER_EXPIRY);
        Assertions.assertThat(steps.timerJob(pi, TIMER_EXPIRY).getDuedate()).isEqualTo(Date.from(EXPIRY));
        ClockUtil.setCurrentTime(Date.from(EXPIRY));
        steps.fire(steps.timerJob(pi, TIMER_EXPIRY));

        Assertions.assertThat(lapse.onlyRun()).containsEntry(RISK_ID, RISK).containsEntry(ACCEPTED_AT, ACCEPTED);
        assertThat(pi).isEnded().hasPassedInOrder(START, TIMER_REMINDER, TASK_REMIND, TIMER_EXPIRY, TASK_LAPSE,
                END_LAPSED).hasPassed(SUBPROCESS);
        assertThat(pi).hasNotPassed(BOUNDARY_ENDED, END_ENDED);
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    void anAcceptanceEndedBeforeTheReminderEndsTheWatchWithoutTellingAnyone() {
        ProcessInstance pi = start(RISK);

        ended(RISK);

        assertThat(pi).isEnded().hasPassed(BOUNDARY_ENDED, END_ENDED).hasNotPassed(TASK_REMIND, TASK_LAPSE,
                END_LAPSED);
        Assertions.assertThat(remind.runs).isEmpty();
        Assertions.assertThat(lapse.runs).isEmpty();
        Assertions.assertThat(processEngine.getManagementService().createJobQuery().count()).isZero();
    }

    @Test
    void anAcceptanceEndedAfterTheReminderDoesNotLapse() {
        ProcessInstance pi = start(RISK);
        ClockUtil.setCurrentTime(Date.from(REMINDER_DUE));
        steps.fire(steps.timerJob(pi, TIMER_REMINDER));
        assertThat(pi).isWaitingAtExactly(SUBPROCESS, TIMER_EXPIRY);

        ended(RISK);

        assertThat(pi).isEnded().hasPassedInOrder(TASK_REMIND, BOUNDARY_ENDED, END_ENDED).hasNotPassed(TASK_LAPSE);
        Assertions.assertThat(remind.runs).hasSize(1);
        Assertions.assertThat(lapse.runs).isEmpty();
    }

    @Test
    void theEndOfAnotherRisksAcceptanceLeavesTheWatchAlone() {
        ProcessInstance pi = start(RISK);
        ProcessInstance other = start(RISK + 1);

        ended(RISK + 1);

        assertThat(other).isEnded().hasPassed(END_ENDED);
        assertThat(pi).isNotEnded().isWaitingAtExactly(SUBPROCESS, TIMER_REMINDER);
    }

    private ProcessInstance start(long risk) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(RISK_ID, risk);
        variables.put(SYSTEM_ID, 7L);
        variables.put(RISK_TITLE, "Unfair outcomes for a minority group");
        variables.put(ACCEPTED_AT, ACCEPTED);
        variables.put(EXPIRES_AT, Date.from(EXPIRY));
        variables.put(REMIND_AT, Date.from(REMINDER_DUE));
        return runtimeService.startProcessInstanceByKey(KEY, "risk-" + risk, variables);
    }

    private void ended(long risk) {
        runtimeService.createMessageCorrelation(MESSAGE_ACCEPTANCE_ENDED).processInstanceVariableEquals(RISK_ID, risk)
                .correlateAllWithResult();
    }
}
