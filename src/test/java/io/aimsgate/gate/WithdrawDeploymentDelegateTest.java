package io.aimsgate.gate;

import static io.aimsgate.gate.DelegateExecutions.registered;
import static io.aimsgate.gate.DelegateExecutions.variables;
import static io.aimsgate.gate.DelegateExecutions.withVariables;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The withdrawing user is the registered submitter, recorded by the gate; no variable names them. */
class WithdrawDeploymentDelegateTest {

    DeploymentGateService gate = mock(DeploymentGateService.class);
    WithdrawDeploymentDelegate delegate = new WithdrawDeploymentDelegate(gate);

    @BeforeEach
    void setUp() {
        registered(gate, 42L, "olivia", false);
    }

    @Test
    void recordsTheWithdrawalWithTheRemediationNote() {
        delegate.execute(withVariables(variables(REQUEST_ID, "42", SUBMITTER, "olivia",
                WithdrawDeploymentDelegate.REMEDIATION_NOTE, " Retraining the model first. ")));

        verify(gate).withdraw(42L, "Retraining the model first.");
    }

    @Test
    void theNoteIsOptional() {
        delegate.execute(withVariables(variables(REQUEST_ID, 42L, WithdrawDeploymentDelegate.REMEDIATION_NOTE, " ")));

        verify(gate).withdraw(42L, null);
    }

    @Test
    void withdrawsTheProcessInstancesRequestWhateverTheVariablesSay() {
        delegate.execute(withVariables(variables(REQUEST_ID, 999L, SUBMITTER, "mallory")));

        verify(gate).withdraw(42L, null);
        verify(gate, never()).withdraw(eq(999L), any());
    }
}
