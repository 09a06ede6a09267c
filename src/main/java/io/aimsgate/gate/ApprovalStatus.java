package io.aimsgate.gate;

/**
 * Where a deployment approval stands: CURRENT while the state it is bound to holds; INVALIDATED by a material change
 * (the version needs re-approval); SUPERSEDED by a newer approval of the same version.
 */
public enum ApprovalStatus {
    CURRENT, INVALIDATED, SUPERSEDED
}
