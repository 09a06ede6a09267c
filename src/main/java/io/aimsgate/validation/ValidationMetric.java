package io.aimsgate.validation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One measured metric of a validation run; fairness metrics name the protected attribute they were measured on. */
@Entity
@Table(name = "validation_metric")
public class ValidationMetric {

    /** What a metric may be named (REST path segment and form value alike). */
    public static final String NAME_PATTERN = "^[A-Za-z][A-Za-z0-9_.-]{0,99}$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private MetricKind kind;

    private String metric;
    private String protectedAttribute;

    @Column(name = "metric_value")
    private double value;

    private boolean breached;
    private Long riskId;

    protected ValidationMetric() {
    }

    ValidationMetric(MetricKind kind, String metric, String protectedAttribute, double value) {
        this.kind = kind;
        this.metric = metric;
        this.protectedAttribute = protectedAttribute;
        this.value = value;
    }

    void breached(Long registeredRiskId) {
        this.breached = true;
        this.riskId = registeredRiskId;
    }

    public Long getId() {
        return id;
    }

    public MetricKind getKind() {
        return kind;
    }

    public String getMetric() {
        return metric;
    }

    public String getProtectedAttribute() {
        return protectedAttribute;
    }

    public double getValue() {
        return value;
    }

    public boolean isBreached() {
        return breached;
    }

    public Long getRiskId() {
        return riskId;
    }
}
