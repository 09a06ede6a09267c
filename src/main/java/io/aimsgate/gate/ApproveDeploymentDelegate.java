package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the approval (by the last Accountable approver) after the final risk re-assessment passed. */
@Component("approveDeployment")
class ApproveDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    ApproveDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gate.approve(ProcessVariables.requiredLong(execution, REQUEST_ID),
                ProcessVariables.requiredString(execution, APPROVED_BY),
                ProcessVariables.optionalString(execution, APPROVAL_RATIONALE));
    }
}
