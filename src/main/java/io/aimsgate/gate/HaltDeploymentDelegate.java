package io.aimsgate.gate;

import io.aimsgate.shared.ProcessVariable;
import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Halts the request and the version, recording the reasons just assessed: the blocking risks, or where the model's
 * task declares {@code haltReasons} (the incident-hold halt: {@code holdSummary}) that variable's lines.
 */
@Component("haltDeployment")
class HaltDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    HaltDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reasons = ElementProperties.of(execution.getBpmnModelElementInstance(), HALT_REASONS_PROPERTY)
                .orElse(BLOCKING_RISK_SUMMARY);
        String summary = ProcessVariable.text(reasons).get(execution);
        DeploymentRequest request = ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        gate.halt(request.getId(), List.of(summary.split("\n")));
    }
}
