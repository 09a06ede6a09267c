package io.aimsgate.incident;

/** Keys and variable names of the incident-escalation, corrective-action and nonconformity processes. */
public final class IncidentProcess {

    public static final String KEY = "incident-escalation";
    public static final String CORRECTIVE_ACTION_KEY = "corrective-action";
    public static final String NONCONFORMITY_KEY = "nonconformity";

    // incident report (start form and REST)
    public static final String SYSTEM_ID = "systemId";
    public static final String VERSION_LABELS = "versionLabels";
    public static final String TYPE = "type";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String HARM_TO_PEOPLE = "harmToPeople";
    public static final String DEATH = "death";
    public static final String SERIOUS_HEALTH_HARM = "seriousHealthHarm";
    public static final String CRITICAL_INFRASTRUCTURE = "criticalInfrastructureDisruption";
    public static final String WIDESPREAD_INFRINGEMENT = "widespreadInfringement";
    public static final String FUNDAMENTAL_RIGHTS = "fundamentalRightsInfringement";
    public static final String PROPERTY_OR_ENVIRONMENT = "propertyOrEnvironmentHarm";
    public static final String DETECTED_AT = "detectedAt";

    // set by the delegates
    public static final String INCIDENT_ID = "incidentId";
    public static final String INCIDENT_TITLE = "incidentTitle";
    public static final String HIGH_RISK_SYSTEM = "highRiskSystem";
    public static final String CLASSIFICATION = "classification";
    public static final String SEVERITY = "severity";
    public static final String SERIOUS_INCIDENT = "seriousIncident";
    public static final String SUSPENSION_REQUIRED = "suspensionRequired";
    public static final String CONTAINMENT_SLA = "containmentSla";
    public static final String REGULATOR_DEADLINE = "regulatorDeadline";
    public static final String REGULATOR_ESCALATION_AT = "regulatorEscalationAt";
    public static final String RESUMPTION_BLOCKED = "resumptionBlocked";
    public static final String RESUMPTION_BLOCKERS = "resumptionBlockers";

    // user task fields
    public static final String CONTAINMENT_ACTIONS = "containmentActions";
    public static final String CONTAINED = "contained";
    public static final String SUBMISSION_REFERENCE = "submissionReference";
    public static final String RESUMPTION_DECISION = "resumptionDecision";
    public static final String LESSONS_LEARNED = "lessonsLearned";

    // corrective action
    public static final String SUBJECT_TYPE = "subjectType";
    public static final String SUBJECT_ID = "subjectId";
    public static final String CORRECTION = "correction";
    public static final String ROOT_CAUSE_METHOD = "rootCauseMethod";
    public static final String ROOT_CAUSES = "rootCauses";
    public static final String CONTRIBUTING_FACTORS = "contributingFactors";
    public static final String PLANNED_ACTIONS = "plannedActions";
    public static final String EFFECTIVE = "effective";
    public static final String EFFECTIVENESS_EVIDENCE = "effectivenessEvidence";
    public static final String CLOSURE_NOTE = "closureNote";

    // nonconformity
    public static final String NONCONFORMITY_ID = "nonconformityId";
    public static final String SOURCE = "source";
    public static final String REQUIREMENT = "requirement";

    private IncidentProcess() {
    }
}
