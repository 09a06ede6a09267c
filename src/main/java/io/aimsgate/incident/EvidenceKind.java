package io.aimsgate.incident;

/** Kinds of evidence kept with an incident. */
public enum EvidenceKind {
    LOG, MODEL_STATE, INPUT_SAMPLE, OUTPUT_SAMPLE, OTHER
}
