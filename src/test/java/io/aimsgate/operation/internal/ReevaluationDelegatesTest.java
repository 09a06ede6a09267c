package io.aimsgate.operation.internal;

import io.aimsgate.operation.ReevaluationFindings;

import static io.aimsgate.gate.LifecycleDecisions.*;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.decision;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static io.aimsgate.gate.LifecycleFixtures.serviceTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.operation.OperationService;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.Actors;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** The re-evaluation gate's steps: the yearly run, and CONTINUE, SUSPEND and RETIRE on the recorded findings. */
class ReevaluationDelegatesTest {

    LifecycleGateService gates = mock(LifecycleGateService.class);
    OperationService operation = mock(OperationService.class);

    @BeforeEach
    void setUp() {
        when(gates.decisionsOf(42L)).thenReturn(List.of(
                decision(1, 42L, RaciRole.RESPONSIBLE, SUBMIT, null, "mia"),
                decision(2, 42L, RaciRole.ACCOUNTABLE, SUSPEND, "Drift is too high now.", "oscar")));
    }

    static final ReevaluationFindings FINDINGS = new ReevaluationFindings("KL divergence 0.4 for three weeks.", ReevaluationFindings.Recommendation.SUSPEND);

    /** The service applies the findings' rules, as {@link OperationService#recordAssessment} does. */
    @org.junit.jupiter.api.BeforeEach
    void rulesOfTheService() {
        org.mockito.Mockito.doAnswer(call -> io.aimsgate.shared.Commands.validate(call.getArgument(1)))
                .when(operation).recordAssessment(any(), any(), any());
    }

    static Map<String, Object> assessed() {
        return variables(SYSTEM_ID, 7L, GATE_ID, 42L, "findings", "KL divergence 0.4 for three weeks.",
                "recommendation", "SUSPEND");
    }

    static DelegateExecution atDecision(Map<String, Object> variables) {
        return execution(variables, "oscar", serviceTask("raciActivity", "reevaluation-decision"));
    }

    @Test
    void theYearlyTimerOpensANewRunAndForgetsTheLastFindings() {
        when(gates.open(PI, LifecycleGateKind.RE_EVALUATION, 7L, Actors.PLATFORM, "YEARLY",
                "Yearly re-evaluation due (interval P1Y)"))
                .thenReturn(gate(43L, 7L, LifecycleGateKind.RE_EVALUATION, PI, Actors.PLATFORM));
        Map<String, Object> variables = assessed();
        variables.put(REEVALUATION_INTERVAL, "P1Y");
        DelegateExecution execution = execution(variables);

        new ReevaluationDelegates.NoteYearlyTrigger(gates).execute(execution);

        assertThat(execution.getVariable(TRIGGER)).isEqualTo("YEARLY");
        assertThat(execution.getVariable(TRIGGER_DETAIL)).isEqualTo("Yearly re-evaluation due (interval P1Y)");
        assertThat(execution.getVariable(GATE_ID)).isEqualTo(43L);
        assertThat(execution.getVariable("findings")).isNull();
        assertThat(execution.getVariable("recommendation")).isNull();
    }

    @Test
    void continueRecordsTheFindingsUnderTheirSubmitterThenContinues() {
        new ReevaluationDelegates.ContinueOperation(gates, operation).execute(atDecision(assessed()));

        InOrder order = inOrder(operation);
        order.verify(operation).recordAssessment(42L, FINDINGS, "mia");
        order.verify(operation).continueOperation(42L, "reevaluation-decision");
    }

    @Test
    void suspendRecordsTheFindingsThenSuspends() {
        new ReevaluationDelegates.SuspendSystem(gates, operation).execute(atDecision(assessed()));

        InOrder order = inOrder(operation);
        order.verify(operation).recordAssessment(42L, FINDINGS, "mia");
        order.verify(operation).suspend(42L, "reevaluation-decision");
    }

    @Test
    void withoutASubmissionThePlatformIsTheAssessor() {
        when(gates.decisionsOf(42L)).thenReturn(List.of());

        new ReevaluationDelegates.SuspendSystem(gates, operation).execute(atDecision(assessed()));

        verify(operation).recordAssessment(42L, FINDINGS, Actors.PLATFORM);
    }

    @Test
    void shortFindingsAreRefusedAndNothingIsSuspended() {
        Map<String, Object> variables = assessed();
        variables.put("findings", "Looks bad.");

        assertThatThrownBy(() -> new ReevaluationDelegates.SuspendSystem(gates, operation)
                .execute(atDecision(variables))).isInstanceOf(BadUserRequestException.class)
                .hasMessage("'findings' must be 20 to 8000 characters");
        verify(operation, never()).suspend(any(), any());
    }

    @Test
    void retireEndsTheRunAndStartsTheRetirementGate() {
        LifecycleGate ended = gate(42L, 7L, LifecycleGateKind.RE_EVALUATION, PI, Actors.PLATFORM);
        ended.close(LifecycleGateStatus.RETIREMENT_REQUESTED, "oscar", "Replaced by the new scoring model.",
                LifecycleFixtures.NOW);
        when(operation.requestRetirement(42L, "reevaluation-decision")).thenReturn(ended);
        DelegateExecution execution = atDecision(assessed());
        MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);
        when(execution.getProcessEngineServices().getRuntimeService().createMessageCorrelation(anyString()))
                .thenReturn(correlation);

        new ReevaluationDelegates.RequestRetirement(gates, operation, LifecycleFixtures.directEngineCalls()).execute(execution);

        verify(operation).recordAssessment(42L, FINDINGS, "mia");
        verify(execution.getProcessEngineServices().getRuntimeService())
                .createMessageCorrelation(MESSAGE_RETIREMENT_REQUESTED);
        verify(correlation).setVariable(SYSTEM_ID, 7L);
        verify(correlation).setVariable(TRIGGER_DETAIL,
                "Re-evaluation 42 decided to retire the system: Replaced by the new scoring model.");
        verify(correlation).correlateStartMessage();
    }
}
