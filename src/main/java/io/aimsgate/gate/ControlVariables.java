package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The variables the gateways and listeners act on (submitter, tier, rejection) are written from our
 * tables after every step a client can influence: variables sent with a task completion reach the
 * process before its listeners run, so they are never trusted for control.
 */
final class ControlVariables {

    private ControlVariables() {
    }

    static DeploymentRequest restore(VariableScope scope, String processInstanceId, DeploymentGateService gate) {
        DeploymentRequest request = gate.requireByProcessInstance(processInstanceId);
        scope.setVariable(REQUEST_ID, request.getId());
        scope.setVariable(SUBMITTER, request.getSubmittedBy());
        scope.setVariable(HIGH_RISK_TIER, request.isHighRiskTier());
        scope.setVariable(REVIEW_REJECTED, gate.hasRejection(request.getId()));
        return request;
    }
}
