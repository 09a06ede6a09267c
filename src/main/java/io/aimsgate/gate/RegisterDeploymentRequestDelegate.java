package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * First step of the gate, whether started over REST or from the Tasklist start form: validates the
 * submission and records the request. The submitter is the engine's authenticated user, whatever the
 * start variables say.
 */
@Component("registerDeploymentRequest")
class RegisterDeploymentRequestDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    RegisterDeploymentRequestDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new BadUserRequestException("A deployment request must be submitted by an authenticated user");
        }
        DeploymentRequest request = gate.register(execution.getProcessInstanceId(),
                ProcessVariable.id(SYSTEM_ID).get(execution),
                ProcessVariable.text(VERSION_LABEL).get(execution), authentication.getUserId(),
                ProcessVariable.text(SUBMISSION_NOTE).orNull(execution));
        String servingImage = ProcessVariable.text(SERVING_IMAGE).orNull(execution);
        if (servingImage != null) {
            gate.nameServingImage(request.getId(), servingImage);
        }
        execution.setVariable(SYSTEM_NAME, gate.systemOf(request).getName());
        ControlVariables.restore(execution, request, gate);
    }
}
