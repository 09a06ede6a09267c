package io.aimsgate.validation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A system's own objective for one metric, overriding the configured default. */
@Entity
@Table(name = "metric_objective")
public class MetricObjective {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;
    private String metric;

    @Enumerated(EnumType.STRING)
    private MetricKind kind;

    @Enumerated(EnumType.STRING)
    private MetricBound bound;

    private double threshold;
    private String setBy;
    private Instant setAt;

    protected MetricObjective() {
    }

    MetricObjective(Long systemId, String metric) {
        this.systemId = systemId;
        this.metric = metric;
    }

    void set(MetricKind kind, MetricBound bound, double threshold, String actor, Instant now) {
        this.kind = kind;
        this.bound = bound;
        this.threshold = threshold;
        this.setBy = actor;
        this.setAt = now;
    }

    public Long getSystemId() {
        return systemId;
    }

    public String getMetric() {
        return metric;
    }

    public MetricKind getKind() {
        return kind;
    }

    public MetricBound getBound() {
        return bound;
    }

    public double getThreshold() {
        return threshold;
    }

    public String getSetBy() {
        return setBy;
    }

    public Instant getSetAt() {
        return setAt;
    }
}
