package io.aimsgate.gate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approval (in the name of the last Accountable approver) after the final risk re-assessment passed. */
@Component("approveDeployment")
class ApproveDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    ApproveDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gate.approve(gate.requireByProcessInstance(execution.getProcessInstanceId()).getId());
    }
}
