package io.aimsgate.objectives;

/**
 * What an AI objective measures (ISO/IEC 42001 clause 6.2), each computed by the platform from its own records
 * ({@link ObjectiveMeasurements}): no number is typed in by hand.
 */
public enum ObjectiveMetric {
    /**
     * Of the HIGH-tier systems that passed the deployment gate, the share whose inception gate passed with an impact
     * assessment (A.5.2-A.5.4); 0..1.
     */
    HIGH_RISK_DEPLOYMENTS_WITH_APPROVED_IMPACT_ASSESSMENT("share", "high-risk systems deployed"),
    /** The median time from an incident's report to its containment, in days, over contained incidents (A.8.4). */
    MEDIAN_DAYS_TO_CONTAINMENT("days", "contained incidents"),
    /**
     * Of the model versions validated with fairness metrics, the share whose latest verification and validation
     * met every fairness threshold (A.6.2.4); 0..1.
     */
    MODELS_MEETING_FAIRNESS_AT_VALIDATION("share", "model versions validated for fairness");

    private final String unit;
    private final String sample;

    ObjectiveMetric(String unit, String sample) {
        this.unit = unit;
        this.sample = sample;
    }

    public String unit() {
        return unit;
    }

    /** What the sample size counts. */
    public String sample() {
        return sample;
    }
}
