package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.shared.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Halts the request and the version because an open incident holds it, recording the holds as the reasons. */
@Component("recordIncidentHold")
class RecordIncidentHoldDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    RecordIncidentHoldDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String holds = ProcessVariable.text(HOLD_SUMMARY).get(execution);
        DeploymentRequest request = ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        gate.halt(request.getId(), List.of(holds.split("\n")));
    }
}
