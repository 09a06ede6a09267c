package io.aimsgate.incident;

import io.aimsgate.shared.ProcessVariable;

/**
 * The typed variables of the incident, nonconformity and corrective-action processes (names in
 * {@link IncidentProcess}), read and written by their delegates.
 */
final class IncidentVariables {

    // incident-escalation: the report (start form fields) and what the process derives
    /** The report as the REST door validated it, handed to the process whole; absent when the start form was used. */
    static final ProcessVariable<IncidentReport> REPORT = ProcessVariable.json("incidentReport", IncidentReport.class);
    static final ProcessVariable<Long> SYSTEM_ID = ProcessVariable.id(IncidentProcess.SYSTEM_ID);
    /** The start form's "affected versions": one text field, comma-separated (see {@link IncidentReport#fromForm}). */
    static final ProcessVariable<String> VERSION_LABELS_TEXT = ProcessVariable.text(IncidentProcess.VERSION_LABELS);
    static final ProcessVariable<IncidentType> TYPE = ProcessVariable.choice(IncidentProcess.TYPE, IncidentType.class);
    static final ProcessVariable<String> TITLE = ProcessVariable.text(IncidentProcess.TITLE);
    static final ProcessVariable<String> DESCRIPTION = ProcessVariable.text(IncidentProcess.DESCRIPTION);
    static final ProcessVariable<String> HARM_TO_PEOPLE = ProcessVariable.text(IncidentProcess.HARM_TO_PEOPLE);
    static final ProcessVariable<Boolean> DEATH = ProcessVariable.flag(IncidentProcess.DEATH);
    static final ProcessVariable<Boolean> SERIOUS_HEALTH_HARM = ProcessVariable.flag(IncidentProcess.SERIOUS_HEALTH_HARM);
    static final ProcessVariable<Boolean> CRITICAL_INFRASTRUCTURE = ProcessVariable.flag(
            IncidentProcess.CRITICAL_INFRASTRUCTURE);
    static final ProcessVariable<Boolean> WIDESPREAD_INFRINGEMENT = ProcessVariable.flag(
            IncidentProcess.WIDESPREAD_INFRINGEMENT);
    static final ProcessVariable<Boolean> FUNDAMENTAL_RIGHTS = ProcessVariable.flag(IncidentProcess.FUNDAMENTAL_RIGHTS);
    static final ProcessVariable<Boolean> PROPERTY_OR_ENVIRONMENT = ProcessVariable.flag(
            IncidentProcess.PROPERTY_OR_ENVIRONMENT);
    static final ProcessVariable<java.time.Instant> DETECTED_AT = ProcessVariable.instant(IncidentProcess.DETECTED_AT);
    static final ProcessVariable<Long> INCIDENT_ID = ProcessVariable.id(IncidentProcess.INCIDENT_ID);
    static final ProcessVariable<String> INCIDENT_TITLE = ProcessVariable.text(IncidentProcess.INCIDENT_TITLE);
    static final ProcessVariable<Boolean> HIGH_RISK_SYSTEM = ProcessVariable.flag(IncidentProcess.HIGH_RISK_SYSTEM);
    static final ProcessVariable<String> CONTAINMENT_ACTIONS = ProcessVariable.text(IncidentProcess.CONTAINMENT_ACTIONS);
    static final ProcessVariable<Boolean> CONTAINED = ProcessVariable.flag(IncidentProcess.CONTAINED);
    static final ProcessVariable<String> SUBMISSION_REFERENCE = ProcessVariable.text(
            IncidentProcess.SUBMISSION_REFERENCE);
    static final ProcessVariable<String> LESSONS_LEARNED = ProcessVariable.text(IncidentProcess.LESSONS_LEARNED);

    // nonconformity
    static final ProcessVariable<NonconformitySource> SOURCE = ProcessVariable.choice(IncidentProcess.SOURCE,
            NonconformitySource.class);
    static final ProcessVariable<String> REQUIREMENT = ProcessVariable.text(IncidentProcess.REQUIREMENT);

    // corrective-action
    static final ProcessVariable<SubjectType> SUBJECT_TYPE = ProcessVariable.choice(IncidentProcess.SUBJECT_TYPE,
            SubjectType.class);
    static final ProcessVariable<Long> SUBJECT_ID = ProcessVariable.id(IncidentProcess.SUBJECT_ID);
    static final ProcessVariable<String> CORRECTION = ProcessVariable.text(IncidentProcess.CORRECTION);
    static final ProcessVariable<String> ROOT_CAUSE_METHOD = ProcessVariable.text(IncidentProcess.ROOT_CAUSE_METHOD);
    static final ProcessVariable<String> ROOT_CAUSES = ProcessVariable.text(IncidentProcess.ROOT_CAUSES);
    static final ProcessVariable<String> CONTRIBUTING_FACTORS = ProcessVariable.text(
            IncidentProcess.CONTRIBUTING_FACTORS);
    static final ProcessVariable<String> PLANNED_ACTIONS = ProcessVariable.text(IncidentProcess.PLANNED_ACTIONS);
    static final ProcessVariable<Boolean> EFFECTIVE = ProcessVariable.flag(IncidentProcess.EFFECTIVE);
    static final ProcessVariable<String> EFFECTIVENESS_EVIDENCE = ProcessVariable.text(
            IncidentProcess.EFFECTIVENESS_EVIDENCE);
    static final ProcessVariable<String> CLOSURE_NOTE = ProcessVariable.text(IncidentProcess.CLOSURE_NOTE);

    private IncidentVariables() {
    }
}
