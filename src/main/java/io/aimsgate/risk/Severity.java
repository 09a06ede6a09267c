package io.aimsgate.risk;

/** Risk severity as classified by the risk-severity DMN decision. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public boolean isHighOrAbove() {
        return this == HIGH || this == CRITICAL;
    }
}
