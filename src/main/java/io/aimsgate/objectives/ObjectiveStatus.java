package io.aimsgate.objectives;

/** Where an objective stands: met, not yet met before its due date, missed after it, or nothing to measure yet. */
public enum ObjectiveStatus {
    MET,
    NOT_MET,
    MISSED,
    NO_DATA
}
