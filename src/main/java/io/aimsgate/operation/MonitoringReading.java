package io.aimsgate.operation;

import io.aimsgate.validation.MetricBound;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A metric reading from production monitoring (clause 9.1), with the objective it was held to and what followed. */
@Entity
@Table(name = "monitoring_reading")
public class MonitoringReading {

    /** What the reading set off: nothing, a new re-evaluation, a waiting one woken, or one already running. */
    public enum Reevaluation {
        NOT_NEEDED, STARTED, TRIGGERED, ALREADY_RUNNING
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;
    private String metric;

    @Column(name = "metric_value")
    private double value;

    @Enumerated(EnumType.STRING)
    private MetricBound bound;

    private Double threshold;
    private boolean breached;

    @Enumerated(EnumType.STRING)
    private Reevaluation reevaluation;

    private String recordedBy;
    private Instant measuredAt;
    private Instant recordedAt;

    protected MonitoringReading() {
    }

    MonitoringReading(Long systemId, String metric, double value, MetricBound bound, Double threshold,
            boolean breached, String recordedBy, Instant measuredAt, Instant recordedAt) {
        this.systemId = systemId;
        this.metric = metric;
        this.value = value;
        this.bound = bound;
        this.threshold = threshold;
        this.breached = breached;
        this.reevaluation = Reevaluation.NOT_NEEDED;
        this.recordedBy = recordedBy;
        this.measuredAt = measuredAt;
        this.recordedAt = recordedAt;
    }

    void led(Reevaluation outcome) {
        this.reevaluation = outcome;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getMetric() {
        return metric;
    }

    public double getValue() {
        return value;
    }

    public MetricBound getBound() {
        return bound;
    }

    public Double getThreshold() {
        return threshold;
    }

    public boolean isBreached() {
        return breached;
    }

    public Reevaluation getReevaluation() {
        return reevaluation;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getMeasuredAt() {
        return measuredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
