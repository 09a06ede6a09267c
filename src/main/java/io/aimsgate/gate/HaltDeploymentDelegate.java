package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Halts the request and the version, recording the blocking risks (just assessed) as the reasons. */
@Component("haltDeployment")
class HaltDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    HaltDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String summary = ProcessVariable.text(BLOCKING_RISK_SUMMARY).get(execution);
        DeploymentRequest request = ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        gate.halt(request.getId(), List.of(summary.split("\n")));
    }
}
