package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Completion of "Remediate blocking risks": only the submitter decides, and only RESUBMIT or WITHDRAW
 * (anything else is refused as bad input instead of leaving the gateway without a path).
 */
@Component("remediationTaskListener")
public class RemediationTaskListener implements TaskListener {

    private final DeploymentGateService gate;

    public RemediationTaskListener(DeploymentGateService gate) {
        this.gate = gate;
    }

    public static final String RESUBMIT = "RESUBMIT";
    public static final String WITHDRAW = "WITHDRAW";

    @Override
    public void notify(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String submitter = ControlVariables.restore(task, task.getProcessInstanceId(), gate).getSubmittedBy();
        if (authentication != null && !authentication.getUserId().equals(submitter)) {
            throw new AuthorizationException("Only the submitter (" + submitter
                    + ") decides how a halted request continues");
        }
        Object action = task.getVariable(REMEDIATION_ACTION);
        if (!RESUBMIT.equals(action) && !WITHDRAW.equals(action)) {
            throw new BadUserRequestException("'" + REMEDIATION_ACTION + "' must be " + RESUBMIT + " or " + WITHDRAW
                    + ", was " + action);
        }
    }
}
