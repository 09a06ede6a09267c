package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assesses what stops the request (on entry and again right before approval is recorded), writing its two parts for
 * their own gateways: the risk register's unresolved high-severity risks ({@code riskBlocked},
 * {@code blockingRiskSummary}) and the holds of open incidents ({@code incidentHeld}, {@code holdSummary}).
 */
@Component("assessDeployment")
class AssessDeploymentDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    AssessDeploymentDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeploymentRequest request = ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        DeploymentAssessment assessment = gate.assess(request.getId());
        ControlVariables.setIfChanged(execution, RISK_BLOCKED, assessment.riskBlocked());
        ControlVariables.setIfChanged(execution, BLOCKING_RISK_COUNT, assessment.risk().unresolvedHighRiskCount());
        ControlVariables.setIfChanged(execution, BLOCKING_RISK_SUMMARY, String.join("\n", assessment.riskReasons()));
        ControlVariables.setIfChanged(execution, INCIDENT_HELD, assessment.held());
        ControlVariables.setIfChanged(execution, HOLD_SUMMARY, String.join("\n", assessment.holds()));
    }
}
