package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.risk.RiskAssessment;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Assesses the system's risk register (on entry and again right before approval is recorded). */
@Component("assessDeploymentRisk")
class AssessDeploymentRiskDelegate implements JavaDelegate {

    private final DeploymentGateService gate;

    AssessDeploymentRiskDelegate(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DeploymentRequest request = ControlVariables.restore(execution, execution.getProcessInstanceId(), gate);
        RiskAssessment assessment = gate.assess(request.getId());
        ControlVariables.setIfChanged(execution, RISK_BLOCKED, assessment.blocked());
        ControlVariables.setIfChanged(execution, BLOCKING_RISK_COUNT, assessment.unresolvedHighRiskCount());
        ControlVariables.setIfChanged(execution, BLOCKING_RISK_SUMMARY, String.join("\n", assessment.reasons()));
    }
}
