package io.aimsgate.validation;

/** What a metric measures: the model's performance, its fairness, its robustness, or production drift. */
public enum MetricKind {
    PERFORMANCE, FAIRNESS, ROBUSTNESS, DRIFT
}
