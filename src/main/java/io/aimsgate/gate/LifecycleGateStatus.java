package io.aimsgate.gate;

/** Where a gate run stands; only PASSED opens the next gate. */
public enum LifecycleGateStatus {
    IN_PROGRESS, PASSED, REJECTED, WITHDRAWN, SUSPENDED, RETIREMENT_REQUESTED
}
