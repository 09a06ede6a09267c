package io.aimsgate.gate;

/** Where a deployment request stands in the gate. */
public enum DeploymentRequestStatus {
    IN_REVIEW, HALTED, APPROVED, REJECTED, WITHDRAWN
}
