package io.aimsgate.evidence;

/**
 * What a file is attached to. An Annex A control owns no files: it links files of these subjects (controls module,
 * {@code PUT /api/controls/{controlId}/evidence}), since every file belongs to a system and its evidence pack.
 */
public enum EvidenceSubjectType {
    SYSTEM,
    MODEL_VERSION,
    GATE_RUN,
    RISK,
    INCIDENT
}
