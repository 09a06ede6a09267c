package io.aimsgate.gate;

/** Where a gate run stands: IN_PROGRESS until a recorded decision ends it; only PASSED opens what comes next. */
public enum GateRunStatus {
    IN_PROGRESS, PASSED, REJECTED, WITHDRAWN, SUSPENDED, RETIREMENT_REQUESTED
}
