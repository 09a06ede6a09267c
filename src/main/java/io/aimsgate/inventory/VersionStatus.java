package io.aimsgate.inventory;

/** Status of a model version; changed only by the gates, never by a client. */
public enum VersionStatus {
    DRAFT, IN_REVIEW, HALTED, APPROVED, REJECTED, SUSPENDED, RETIRED
}
