package io.aimsgate.incident;

/** Incident severity from the incident-severity DMN; SEV1 and SEV2 suspend the affected versions. */
public enum IncidentSeverity {
    SEV1, SEV2, SEV3, SEV4
}
