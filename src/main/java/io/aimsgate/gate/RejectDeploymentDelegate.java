package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the rejection by the reviewer or approver who rejected, with their rationale. */
@Component("rejectDeployment")
class RejectDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    RejectDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        gate.reject(ProcessVariables.requiredLong(execution, REQUEST_ID),
                ProcessVariables.requiredString(execution, REJECTED_BY),
                ProcessVariables.optionalString(execution, REJECTION_RATIONALE));
    }
}
