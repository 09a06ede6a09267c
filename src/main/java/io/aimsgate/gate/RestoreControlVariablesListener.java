package io.aimsgate.gate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * After a deployment review or approval is decided: writes the variables the gateways act on (submitter, tier,
 * rejection) from our tables again, since variables sent with the completion reach the process first
 * ({@link ControlVariables}). Declared in deployment-approval.bpmn after the {@link GateDecisionListener}.
 */
@Component("restoreDeploymentControlVariables")
class RestoreControlVariablesListener implements TaskListener {

    private final DeploymentGateService gate;

    RestoreControlVariablesListener(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void notify(DelegateTask task) {
        ControlVariables.restore(task, task.getProcessInstanceId(), gate);
    }
}
