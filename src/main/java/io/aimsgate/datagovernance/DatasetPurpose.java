package io.aimsgate.datagovernance;

/** What a dataset is used for in the system's life cycle (A.7.2). */
public enum DatasetPurpose {
    TRAINING, VALIDATION, TESTING, FINE_TUNING, REFERENCE
}
