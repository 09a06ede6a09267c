package io.aimsgate.inventory;

/**
 * Status of a model version; changed only by the gates, never by a client. {@code REAPPROVAL_REQUIRED}: the version
 * was APPROVED, and a material change of the state its approval was bound to (docs/lifecycle-gates.md, "Bound
 * approval") invalidated that approval; the deployment gate's re-approval decides again.
 */
public enum VersionStatus {
    DRAFT, IN_REVIEW, HALTED, APPROVED, REAPPROVAL_REQUIRED, REJECTED, SUSPENDED, RETIRED
}
