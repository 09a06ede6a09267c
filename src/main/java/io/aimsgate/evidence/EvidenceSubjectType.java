package io.aimsgate.evidence;

/** What a file is attached to. A control joins when the controls register exists. */
public enum EvidenceSubjectType {
    SYSTEM,
    MODEL_VERSION,
    GATE_RUN,
    RISK,
    INCIDENT
}
