package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.PROCESS_INSTANCE_ID;
import static io.aimsgate.gate.DelegateExecutions.registered;
import static io.aimsgate.gate.DelegateExecutions.variables;
import static io.aimsgate.gate.DelegateExecutions.withVariables;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.risk.RiskAssessment;
import io.aimsgate.risk.RiskAssessment.BlockingRisk;
import io.aimsgate.risk.RiskStatus;
import io.aimsgate.risk.Severity;
import io.aimsgate.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssessDeploymentDelegateTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    DeploymentGateService gate = mock(DeploymentGateService.class);
    AssessDeploymentDelegate delegate = new AssessDeploymentDelegate(gate);

    @BeforeEach
    void setUp() {
        registered(gate, 42L, "olivia", false);
    }

    @Test
    void aBlockedAssessmentWritesTheCountAndOneLinePerReason() {
        when(gate.assess(42L)).thenReturn(new DeploymentAssessment(new RiskAssessment(7L, 3, List.of(
                new BlockingRisk(9L, "Prompt injection", Severity.CRITICAL, RiskStatus.OPEN, false),
                new BlockingRisk(11L, "Training data leak", Severity.HIGH, RiskStatus.ACCEPTED, true)),
                "risk-severity:1:1", NOW), List.of()));
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 42L, SUBMITTER, "olivia"));

        delegate.execute(execution);

        verify(execution).setVariable(RISK_BLOCKED, true);
        verify(execution).setVariable(BLOCKING_RISK_COUNT, 3L);
        verify(execution).setVariable(BLOCKING_RISK_SUMMARY, """
                Risk 9 'Prompt injection' is CRITICAL (status OPEN)
                Risk 11 'Training data leak' is HIGH (accepted without governance-board authority)
                ... and 1 more unresolved HIGH or CRITICAL risks""");
        verify(execution).setVariable(INCIDENT_HELD, false);
        // no hold: no hold summary is created
        verify(execution, never()).setVariable(org.mockito.ArgumentMatchers.eq(HOLD_SUMMARY), any());
    }

    /** A hold is not a risk: it goes to its own variables, for its own gateway, and the risk part stays clear. */
    @Test
    void anIncidentHoldIsWrittenApartFromTheRisks() {
        when(gate.assess(42L)).thenReturn(new DeploymentAssessment(new RiskAssessment(7L, 0, List.of(),
                "risk-severity:1:1", NOW), List.of("Suspended by incident 5 (SEV2)", "Suspended by incident 6 (SEV1)")));
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 42L, SUBMITTER, "olivia"));

        delegate.execute(execution);

        verify(execution).setVariable(RISK_BLOCKED, false);
        verify(execution, never()).setVariable(org.mockito.ArgumentMatchers.eq(BLOCKING_RISK_SUMMARY), any());
        verify(execution).setVariable(INCIDENT_HELD, true);
        verify(execution).setVariable(HOLD_SUMMARY, "Suspended by incident 5 (SEV2)\nSuspended by incident 6 (SEV1)");
    }

    private static DeploymentAssessment clear() {
        return new DeploymentAssessment(new RiskAssessment(7L, 0, List.of(), "risk-severity:1:1", NOW), List.of());
    }

    @Test
    void aClearAssessmentIsNotBlockedAndNamesNothing() {
        when(gate.assess(42L)).thenReturn(clear());
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 42L, SUBMITTER, "olivia"));

        delegate.execute(execution);

        verify(execution).setVariable(RISK_BLOCKED, false);
        verify(execution).setVariable(INCIDENT_HELD, false);
        // What blocks is described only when something does: a clear run gets no count or summaries (each would be
        // a variable, a history instance and detail, and a delete at the end, for a value the forms show as empty).
        for (String describing : List.of(BLOCKING_RISK_COUNT, BLOCKING_RISK_SUMMARY, HOLD_SUMMARY)) {
            verify(execution, never()).setVariable(org.mockito.ArgumentMatchers.eq(describing), any());
            assertThat(execution.getVariable(describing)).isNull();
        }
    }

    /** After a halt was remedied, the descriptions the run has are set back, so no form shows a stale reason. */
    @Test
    void aClearAssessmentAfterAHaltSetsTheDescriptionsBack() {
        when(gate.assess(42L)).thenReturn(clear());
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 42L, SUBMITTER, "olivia",
                BLOCKING_RISK_COUNT, 1L, BLOCKING_RISK_SUMMARY, "Risk 9 'Prompt injection' is CRITICAL (status OPEN)",
                HOLD_SUMMARY, "Suspended by incident 5 (SEV2)"));

        delegate.execute(execution);

        verify(execution).setVariable(BLOCKING_RISK_COUNT, 0L);
        verify(execution).setVariable(BLOCKING_RISK_SUMMARY, "");
        verify(execution).setVariable(HOLD_SUMMARY, "");
    }

    @Test
    void runningTwiceAssessesAgainAndDoesNotRewriteAnUnchangedResult() {
        when(gate.assess(42L)).thenReturn(clear());
        DelegateExecution execution = withVariables(variables());

        delegate.execute(execution);
        delegate.execute(execution);

        verify(gate, times(2)).assess(42L);
        // An equal value is not written again (with history level full every write adds a history detail row).
        verify(execution, times(1)).setVariable(RISK_BLOCKED, false);
        assertThat(execution.getVariable(RISK_BLOCKED)).isEqualTo(false);
    }

    /** Assessment follows a remediation a client completed: whatever it sent, control comes from our tables. */
    @Test
    void assessesTheProcessInstancesRequestAndRestoresTheControlVariablesFirst() {
        when(gate.assess(42L)).thenReturn(clear());
        when(gate.hasRejection(42L)).thenReturn(false);
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 999L, SUBMITTER, "mallory",
                HIGH_RISK_TIER, true, REVIEW_REJECTED, true));

        delegate.execute(execution);

        verify(gate).requireByProcessInstance(PROCESS_INSTANCE_ID);
        verify(gate).assess(42L);
        verify(gate, never()).assess(999L);
        assertThat(execution.getVariable(REQUEST_ID)).isEqualTo(42L);
        assertThat(execution.getVariable(SUBMITTER)).isEqualTo("olivia");
        assertThat(execution.getVariable(HIGH_RISK_TIER)).isEqualTo(false);
        assertThat(execution.getVariable(REVIEW_REJECTED)).isEqualTo(false);
    }

    @Test
    void refusesAProcessInstanceWithoutARequestBeforeAssessingAnything() {
        when(gate.requireByProcessInstance(PROCESS_INSTANCE_ID))
                .thenThrow(new NotFoundException("processInstanceId", "No deployment request"));
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 42L, SUBMITTER, "olivia"));

        assertThatThrownBy(() -> delegate.execute(execution)).isInstanceOf(NotFoundException.class);
        verify(gate, never()).assess(anyLong());
        verify(execution, never()).setVariable(anyString(), any());
    }
}
