package io.aimsgate.risk;

/** Where a risk stands in its treatment; transitions are validated by {@link RiskService}. */
public enum RiskStatus {
    OPEN, IN_TREATMENT, MITIGATED, ACCEPTED, CLOSED;

    /** Whether a risk in this status blocks a deployment when its current cell is HIGH or CRITICAL. */
    boolean blocksIfSevere(boolean acceptedByBoard) {
        return this == OPEN || this == IN_TREATMENT || (this == ACCEPTED && !acceptedByBoard);
    }
}
