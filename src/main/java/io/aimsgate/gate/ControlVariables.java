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
        return restore(scope, gate.requireByProcessInstance(processInstanceId), gate);
    }

    /** The same, for a caller that has just loaded the request. */
    static DeploymentRequest restore(VariableScope scope, DeploymentRequest request, DeploymentGateService gate) {
        setIfChanged(scope, REQUEST_ID, request.getId());
        setIfChanged(scope, SUBMITTER, request.getSubmittedBy());
        setIfChanged(scope, HIGH_RISK_TIER, request.isHighRiskTier());
        setIfChanged(scope, REVIEW_REJECTED, gate.hasRejection(request.getId()));
        return request;
    }

    /**
     * Writes the variable only when the value it resolves to differs. {@code setVariable} writes to the nearest scope
     * that defines the name, which is the scope {@code getVariable} reads from, so skipping an equal value changes no
     * scope's value; it only avoids an update of the variable and, with history level full, a history detail row.
     */
    static void setIfChanged(VariableScope scope, String name, Object value) {
        if (value == null || !value.equals(scope.getVariable(name))) {
            scope.setVariable(name, value);
        }
    }

    /**
     * The same for a variable that only describes what blocks (a count, a summary), not one a gateway reads: a
     * variable the run does not have yet reads as {@code clear}, so a clear result never creates it (no variable, no
     * history row, nothing to delete at the end), while one written before is set back to {@code clear}.
     */
    static void setIfChangedFrom(VariableScope scope, String name, Object value, Object clear) {
        Object current = scope.getVariable(name);
        if (!value.equals(current == null ? clear : current)) {
            scope.setVariable(name, value);
        }
    }
}
