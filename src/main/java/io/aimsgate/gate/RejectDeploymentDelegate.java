package io.aimsgate.gate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the rejection in the name of the reviewer or approver who rejected, with their rationale. */
@Component("rejectDeployment")
class RejectDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    RejectDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gate.reject(gate.requireByProcessInstance(execution.getProcessInstanceId()).getId());
    }
}
