package io.aimsgate.incident.process;

import io.aimsgate.support.ProcessSteps;
import io.aimsgate.support.RecordingDelegate;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nonconformity process (clause 10.2): registered, handed to the shared corrective-action process through the
 * call activity (subject type NONCONFORMITY, its id and the business key), closed when that ends.
 */
@Deployment(resources = {"processes/nonconformity.bpmn", "processes/corrective-action.bpmn",
        "forms/nonconformity-report.form", "forms/corrective-correction.form", "forms/corrective-root-cause.form",
        "forms/corrective-plan.form", "forms/corrective-tracking.form", "forms/corrective-effectiveness.form",
        "forms/corrective-closure.form"})
@ExtendWith(ProcessEngineExtension.class)
class NonconformityProcessTest {

    static final String KEY = "nonconformity";
    static final String START = "start_nonconformity_raised";
    static final String TASK_REGISTER = "task_register_nonconformity";
    static final String CALL_CORRECTIVE_ACTION = "call_corrective_action";
    static final String TASK_RECORD_CLOSURE = "task_record_nonconformity_closure";
    static final String END = "end_nonconformity_closed";

    static final String AUDITOR = "ada";
    static final String BUSINESS_KEY = "NC-2026-0007";
    static final long NONCONFORMITY_ID = 7L;

    ProcessEngine processEngine;
    RuntimeService runtimeService;
    IdentityService identityService;
    ProcessSteps steps;
    CorrectiveActionFlow corrective;
    RecordingDelegate register;
    RecordingDelegate close;

    @BeforeEach
    void setUp() {
        init(processEngine);
        runtimeService = processEngine.getRuntimeService();
        identityService = processEngine.getIdentityService();
        steps = new ProcessSteps(processEngine);
        corrective = new CorrectiveActionFlow(steps);
        corrective.registerMocks();
        register = new RecordingDelegate(execution -> {
            execution.setVariable("nonconformityId", NONCONFORMITY_ID);
            execution.setVariable("subjectType", "NONCONFORMITY");
        });
        close = new RecordingDelegate();
        Mocks.register("registerNonconformity", register);
        Mocks.register("closeNonconformity", close);
        Mocks.register("raciTaskListener", IncidentRaci.listener());
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        Mocks.reset();
    }

    @Test
    void aRaisedNonconformityIsCorrectedThroughTheCorrectiveActionProcessAndThenClosed() {
        ProcessInstance pi = raise();

        Assertions.assertThat(register.onlyRun()).containsEntry("raisedBy", AUDITOR)
                .containsEntry("source", "INTERNAL_AUDIT").containsEntry("requirement", "A.6.2.4");
        assertThat(pi).isWaitingAtExactly(CALL_CORRECTIVE_ACTION).hasPassedInOrder(START, TASK_REGISTER);

        ProcessInstance called = steps.calledInstance(pi);
        assertThat(called).hasProcessDefinitionKey(CorrectiveActionFlow.KEY).hasBusinessKey(BUSINESS_KEY)
                .isWaitingAtExactly(CorrectiveActionFlow.TASK_CORRECTION);
        Assertions.assertThat(runtimeService.getVariables(called.getId())).as("only what the call activity passes")
                .containsOnly(Map.entry("subjectType", "NONCONFORMITY"), Map.entry("subjectId", NONCONFORMITY_ID));

        corrective.runToClosure(called, true);

        assertThat(pi).isEnded().hasPassedInOrder(START, TASK_REGISTER, CALL_CORRECTIVE_ACTION, TASK_RECORD_CLOSURE,
                END);
        assertThat(called).hasPassed(CorrectiveActionFlow.TASK_CORRECTION);
        Assertions.assertThat(close.onlyRun()).containsEntry("nonconformityId", NONCONFORMITY_ID)
                .containsEntry(RecordingDelegate.BUSINESS_KEY, BUSINESS_KEY)
                .as("the corrective action's task variables stay in the called instance")
                .doesNotContainKeys("correction", "plannedActions", "effective", "closureNote");
    }

    @Test
    void theNonconformityStaysOpenUntilItsCorrectiveActionIsClosed() {
        ProcessInstance pi = raise();
        ProcessInstance called = steps.calledInstance(pi);
        corrective.correct(called);
        corrective.analyseRootCause(called);
        corrective.planActions(called);
        corrective.completeActions(called);
        corrective.checkEffectiveness(called, false);

        assertThat(called).isWaitingAtExactly(CorrectiveActionFlow.TASK_ROOT_CAUSE);
        assertThat(pi).isWaitingAtExactly(CALL_CORRECTIVE_ACTION).hasNotPassed(TASK_RECORD_CLOSURE);
        Assertions.assertThat(close.runs).isEmpty();
    }

    private ProcessInstance raise() {
        identityService.setAuthenticatedUserId(AUDITOR);
        try {
            return runtimeService.startProcessInstanceByKey(KEY, BUSINESS_KEY, Map.of("source", "INTERNAL_AUDIT",
                    "requirement", "A.6.2.4", "description", "No documented verification of model version 2.3.0."));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
