package io.aimsgate.inception;

import io.aimsgate.inventory.AiType;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.ProcessVariable;
import java.util.List;

/**
 * The typed variables of the inception process (inception.bpmn): the start form's screening answers
 * (forms/inception-start.form), the impact assessment's six parts (forms/impact-assessment.form) and the optional
 * "risk identified here" block both forms carry.
 */
public final class InceptionVariables {

    public static final ProcessVariable<String> INTENDED_USE = ProcessVariable.text("intendedUse");
    public static final ProcessVariable<String> AFFECTED_PEOPLE = ProcessVariable.text("affectedPeople");
    public static final ProcessVariable<AiType> AI_TYPE = ProcessVariable.choice("aiType", AiType.class);
    public static final ProcessVariable<ProhibitedPractice> PROHIBITED_PRACTICE = ProcessVariable.choice(
            "prohibitedPractice", ProhibitedPractice.class);
    public static final ProcessVariable<AnnexIIIArea> ANNEX_III_AREA = ProcessVariable.choice("annexIIIArea",
            AnnexIIIArea.class);
    public static final ProcessVariable<Boolean> SAFETY_COMPONENT = ProcessVariable.flag("safetyComponent");
    public static final ProcessVariable<Boolean> INTERACTS_WITH_PEOPLE = ProcessVariable.flag("interactsWithPeople");
    public static final ProcessVariable<Boolean> GENERATES_SYNTHETIC_CONTENT = ProcessVariable.flag(
            "generatesSyntheticContent");

    public static final ProcessVariable<String> SYSTEM_CONTEXT = ProcessVariable.text("systemContext");
    public static final ProcessVariable<String> STAKEHOLDERS_AFFECTED = ProcessVariable.text("stakeholdersAffected");
    public static final ProcessVariable<String> ETHICS_AND_BIAS = ProcessVariable.text("ethicsAndBias");
    public static final ProcessVariable<String> RECOURSE_AND_OVERSIGHT = ProcessVariable.text("recourseAndOversight");
    public static final ProcessVariable<String> SAFETY_GOVERNANCE = ProcessVariable.text("safetyGovernance");
    public static final ProcessVariable<String> PERFORMANCE_THRESHOLDS = ProcessVariable.text("performanceThresholds");

    public static final ProcessVariable<String> RISK_TITLE = ProcessVariable.text("riskTitle");
    public static final ProcessVariable<String> RISK_DESCRIPTION = ProcessVariable.text("riskDescription");
    public static final ProcessVariable<StrideCategory> RISK_CATEGORY = ProcessVariable.choice("riskCategory",
            StrideCategory.class);
    public static final ProcessVariable<Long> RISK_LIKELIHOOD = ProcessVariable.wholeNumber("riskLikelihood");
    public static final ProcessVariable<Long> RISK_IMPACT = ProcessVariable.wholeNumber("riskImpact");

    public static final List<ProcessVariable<?>> RISK_BLOCK = List.of(RISK_TITLE, RISK_DESCRIPTION, RISK_CATEGORY,
            RISK_LIKELIHOOD, RISK_IMPACT);

    private InceptionVariables() {
    }
}
