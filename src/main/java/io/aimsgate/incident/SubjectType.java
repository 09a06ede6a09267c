package io.aimsgate.incident;

/** What a corrective-action case corrects. */
public enum SubjectType {
    INCIDENT, NONCONFORMITY
}
