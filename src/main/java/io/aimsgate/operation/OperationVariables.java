package io.aimsgate.operation;

import io.aimsgate.shared.ProcessVariable;

/**
 * The typed variables of the operation processes: re-evaluation (re-evaluation.bpmn, forms
 * reevaluation-assessment.form) and retirement (retirement.bpmn, forms retirement-plan.form).
 */
public final class OperationVariables {

    // re-evaluation
    public static final ProcessVariable<String> FINDINGS = ProcessVariable.text("findings");
    public static final ProcessVariable<ReevaluationFindings.Recommendation> RECOMMENDATION = ProcessVariable.choice(
            "recommendation", ReevaluationFindings.Recommendation.class);
    public static final ProcessVariable<String> REEVALUATION_INTERVAL = ProcessVariable.text(
            io.aimsgate.gate.LifecycleDecisions.REEVALUATION_INTERVAL);
    public static final ProcessVariable<String> TRIGGER = ProcessVariable.text(io.aimsgate.gate.LifecycleDecisions.TRIGGER);

    // retirement
    public static final ProcessVariable<RetirementPlan.Reason> RETIREMENT_REASON = ProcessVariable.choice(
            "retirementReason", RetirementPlan.Reason.class);
    public static final ProcessVariable<String> REPLACED_BY = ProcessVariable.text("replacedBy");
    public static final ProcessVariable<String> DATA_RETENTION_PLAN = ProcessVariable.text("dataRetentionPlan");
    public static final ProcessVariable<String> DELETION_PLAN = ProcessVariable.text("deletionPlan");
    public static final ProcessVariable<String> DEPENDENT_SYSTEMS = ProcessVariable.text("dependentSystems");

    private OperationVariables() {
    }
}
