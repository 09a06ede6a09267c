package io.aimsgate.validation;

/** Which side of the threshold is acceptable: at least it (MIN, e.g. accuracy) or below it (MAX, e.g. drift). */
public enum MetricBound {
    MIN, MAX;

    /** Whether the value breaches the threshold: below a MIN, or at or above a MAX (KL >= 0.1 breaches). */
    public boolean breachedBy(double value, double threshold) {
        return this == MIN ? value < threshold : value >= threshold;
    }
}
