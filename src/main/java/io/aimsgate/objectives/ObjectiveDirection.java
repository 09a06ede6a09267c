package io.aimsgate.objectives;

/** Whether the measured value must reach the target from below (AT_LEAST) or stay at or under it (AT_MOST). */
public enum ObjectiveDirection {
    AT_LEAST,
    AT_MOST;

    public boolean met(double value, double target) {
        return this == AT_LEAST ? value >= target : value <= target;
    }
}
