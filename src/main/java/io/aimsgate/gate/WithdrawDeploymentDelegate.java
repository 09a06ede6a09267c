package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;
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
        gate.withdraw(gate.requireByProcessInstance(execution.getProcessInstanceId()).getId(),
                ProcessVariable.text(REMEDIATION_NOTE).orNull(execution));
    }
}
