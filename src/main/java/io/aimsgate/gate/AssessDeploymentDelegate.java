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
        ControlVariables.setIfChanged(execution, INCIDENT_HELD, assessment.held());
        // What blocks, for the halt and the remediation forms: a clear assessment creates none of these (0 and empty
        // are what an absent one reads as), one after a halt sets them back.
        ControlVariables.setIfChangedFrom(execution, BLOCKING_RISK_COUNT, assessment.risk().unresolvedHighRiskCount(),
                0L);
        ControlVariables.setIfChangedFrom(execution, BLOCKING_RISK_SUMMARY, String.join("\n", assessment.riskReasons()),
                "");
        ControlVariables.setIfChangedFrom(execution, HOLD_SUMMARY, String.join("\n", assessment.holds()), "");
    }
}
