package io.aimsgate.controls;

/** A submitted SoA version is IN_REVIEW until the soa-approval gate approves (APPROVED) or rejects it; approving a
 * newer version makes the previous APPROVED one SUPERSEDED. */
public enum SoaVersionStatus {
    IN_REVIEW, APPROVED, REJECTED, SUPERSEDED
}
