package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.registered;
import static io.aimsgate.gate.DelegateExecutions.variables;
import static io.aimsgate.gate.DelegateExecutions.withVariables;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

class HaltDeploymentDelegateTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    HaltDeploymentDelegate delegate = new HaltDeploymentDelegate(gate);

    @Test
    void haltsWithOneReasonPerSummaryLine() {
        registered(gate, 42L, "olivia", false);

        delegate.execute(withVariables(variables(BLOCKING_RISK_SUMMARY,
                "Risk 9 'Prompt injection' is CRITICAL (status OPEN)\nRisk 11 'Leak' is HIGH (status IN_TREATMENT)")));

        verify(gate).halt(42L, List.of("Risk 9 'Prompt injection' is CRITICAL (status OPEN)",
                "Risk 11 'Leak' is HIGH (status IN_TREATMENT)"));
    }

    /** The remediation task after the halt is assigned to ${submitter}: it must be the registered submitter. */
    @Test
    void haltsTheProcessInstancesRequestAndRestoresTheSubmitterTheRemediationIsAssignedTo() {
        registered(gate, 42L, "olivia", false);
        DelegateExecution execution = withVariables(variables(REQUEST_ID, 999L, SUBMITTER, "mallory",
                BLOCKING_RISK_SUMMARY, "Risk 9 'Prompt injection' is CRITICAL (status OPEN)"));

        delegate.execute(execution);

        verify(gate).halt(eq(42L), anyList());
        verify(gate, never()).halt(eq(999L), any());
        assertThat(execution.getVariable(SUBMITTER)).isEqualTo("olivia");
        assertThat(execution.getVariable(REQUEST_ID)).isEqualTo(42L);
    }

    @Test
    void refusesToHaltWithoutReasons() {
        registered(gate, 42L, "olivia", false);

        for (Object summary : new Object[] {" ", "", null}) {
            assertThatThrownBy(() -> delegate.execute(withVariables(variables(BLOCKING_RISK_SUMMARY, summary))))
                    .as("summary %s", summary)
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining(BLOCKING_RISK_SUMMARY);
        }
        verifyNoInteractions(gate);
    }
}
