package io.aimsgate.incident;

/** Where an incident stands. */
public enum IncidentStatus {
    OPEN, CONTAINED, CORRECTING, CLOSED
}
