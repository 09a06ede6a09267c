package io.aimsgate.lifecycle;

import io.aimsgate.inventory.AiType;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.ProcessVariable;
import java.util.List;

/**
 * The typed variables of the inception process (inception.bpmn): the start form's screening answers
 * (forms/inception-start.form), the impact assessment's six parts (forms/impact-assessment.form) and the optional
 * "risk identified here" block both forms carry.
 */
final class InceptionVariables {

    static final ProcessVariable<String> INTENDED_USE = ProcessVariable.text("intendedUse");
    static final ProcessVariable<String> AFFECTED_PEOPLE = ProcessVariable.text("affectedPeople");
    static final ProcessVariable<AiType> AI_TYPE = ProcessVariable.choice("aiType", AiType.class);
    static final ProcessVariable<ProhibitedPractice> PROHIBITED_PRACTICE = ProcessVariable.choice(
            "prohibitedPractice", ProhibitedPractice.class);
    static final ProcessVariable<AnnexIIIArea> ANNEX_III_AREA = ProcessVariable.choice("annexIIIArea",
            AnnexIIIArea.class);
    static final ProcessVariable<Boolean> SAFETY_COMPONENT = ProcessVariable.flag("safetyComponent");
    static final ProcessVariable<Boolean> INTERACTS_WITH_PEOPLE = ProcessVariable.flag("interactsWithPeople");
    static final ProcessVariable<Boolean> GENERATES_SYNTHETIC_CONTENT = ProcessVariable.flag(
            "generatesSyntheticContent");

    static final ProcessVariable<String> SYSTEM_CONTEXT = ProcessVariable.text("systemContext");
    static final ProcessVariable<String> STAKEHOLDERS_AFFECTED = ProcessVariable.text("stakeholdersAffected");
    static final ProcessVariable<String> ETHICS_AND_BIAS = ProcessVariable.text("ethicsAndBias");
    static final ProcessVariable<String> RECOURSE_AND_OVERSIGHT = ProcessVariable.text("recourseAndOversight");
    static final ProcessVariable<String> SAFETY_GOVERNANCE = ProcessVariable.text("safetyGovernance");
    static final ProcessVariable<String> PERFORMANCE_THRESHOLDS = ProcessVariable.text("performanceThresholds");

    static final ProcessVariable<String> RISK_TITLE = ProcessVariable.text("riskTitle");
    static final ProcessVariable<String> RISK_DESCRIPTION = ProcessVariable.text("riskDescription");
    static final ProcessVariable<StrideCategory> RISK_CATEGORY = ProcessVariable.choice("riskCategory",
            StrideCategory.class);
    static final ProcessVariable<Long> RISK_LIKELIHOOD = ProcessVariable.wholeNumber("riskLikelihood");
    static final ProcessVariable<Long> RISK_IMPACT = ProcessVariable.wholeNumber("riskImpact");

    static final List<ProcessVariable<?>> RISK_BLOCK = List.of(RISK_TITLE, RISK_DESCRIPTION, RISK_CATEGORY,
            RISK_LIKELIHOOD, RISK_IMPACT);

    private InceptionVariables() {
    }
}
