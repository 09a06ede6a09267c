package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of the gate, whether started over REST or from the Tasklist start form: validates the
 * submission and records the request; the submitter is the engine's authenticated initiator.
 */
@Component("registerDeploymentRequest")
class RegisterDeploymentRequestDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    RegisterDeploymentRequestDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String submitter = ProcessVariables.optionalString(execution, SUBMITTER);
        if (submitter == null) {
            throw new BadUserRequestException("A deployment request must be submitted by an authenticated user");
        }
        DeploymentRequest request = gate.register(execution.getProcessInstanceId(),
                ProcessVariables.requiredLong(execution, SYSTEM_ID),
                ProcessVariables.requiredString(execution, VERSION_LABEL), submitter,
                ProcessVariables.optionalString(execution, SUBMISSION_NOTE));
        AiSystem system = gate.systemOf(request);
        execution.setVariable(REQUEST_ID, request.getId());
        execution.setVariable(SYSTEM_NAME, system.getName());
        execution.setVariable(HIGH_RISK_TIER, system.getEuAiActTier() == EuAiActTier.HIGH);
        execution.setVariable(REVIEW_REJECTED, false);
    }
}
