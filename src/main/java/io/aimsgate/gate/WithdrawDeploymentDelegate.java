package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The submitter withdrew a halted request instead of remediating. */
@Component("withdrawDeployment")
class WithdrawDeploymentDelegate implements JavaDelegate {

    static final String REMEDIATION_NOTE = "remediationNote";

    private final DeploymentGateService gate;

    WithdrawDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gate.withdraw(ProcessVariables.requiredLong(execution, REQUEST_ID),
                ProcessVariables.requiredString(execution, SUBMITTER),
                ProcessVariables.optionalString(execution, REMEDIATION_NOTE));
    }
}
