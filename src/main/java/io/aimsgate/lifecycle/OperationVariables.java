package io.aimsgate.lifecycle;

import io.aimsgate.shared.ProcessVariable;

/**
 * The typed variables of the operation processes: re-evaluation (re-evaluation.bpmn, forms
 * reevaluation-assessment.form) and retirement (retirement.bpmn, forms retirement-plan.form).
 */
final class OperationVariables {

    // re-evaluation
    static final ProcessVariable<String> FINDINGS = ProcessVariable.text("findings");
    static final ProcessVariable<ReevaluationFindings.Recommendation> RECOMMENDATION = ProcessVariable.choice(
            "recommendation", ReevaluationFindings.Recommendation.class);
    static final ProcessVariable<String> REEVALUATION_INTERVAL = ProcessVariable.text(
            LifecycleDecisions.REEVALUATION_INTERVAL);
    static final ProcessVariable<String> TRIGGER = ProcessVariable.text(LifecycleDecisions.TRIGGER);

    // retirement
    static final ProcessVariable<RetirementPlan.Reason> RETIREMENT_REASON = ProcessVariable.choice(
            "retirementReason", RetirementPlan.Reason.class);
    static final ProcessVariable<String> REPLACED_BY = ProcessVariable.text("replacedBy");
    static final ProcessVariable<String> DATA_RETENTION_PLAN = ProcessVariable.text("dataRetentionPlan");
    static final ProcessVariable<String> DELETION_PLAN = ProcessVariable.text("deletionPlan");
    static final ProcessVariable<String> DEPENDENT_SYSTEMS = ProcessVariable.text("dependentSystems");

    private OperationVariables() {
    }
}
