package io.aimsgate.controls;

/** How far a control is implemented. NOT_APPLICABLE goes with, and only with, a control recorded as not applicable. */
public enum ImplementationStatus {
    PLANNED, PARTIAL, IMPLEMENTED, NOT_APPLICABLE
}
