package io.aimsgate.operation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How a system is retired (A.6.2.6, A.7): why, what replaces it, what happens to its data, who depends on it. */
@Entity
@Table(name = "retirement_plan")
public class RetirementPlan {

    /** Why a system is retired. */
    public enum Reason {
        PERFORMANCE_DEGRADATION, REGULATORY_CHANGE, OBSOLESCENCE, REPLACED
    }

    @Id
    private Long gateId;

    @Enumerated(EnumType.STRING)
    private Reason retirementReason;

    private String replacedBy;
    private String dataRetentionPlan;
    private String deletionPlan;
    private String dependentSystems;
    private String plannedBy;
    private Instant plannedAt;

    protected RetirementPlan() {
    }

    public RetirementPlan(Long gateId, Reason reason, String replacedBy, String dataRetentionPlan, String deletionPlan,
            String dependentSystems, String plannedBy, Instant plannedAt) {
        this.gateId = gateId;
        this.retirementReason = reason;
        this.replacedBy = replacedBy;
        this.dataRetentionPlan = dataRetentionPlan;
        this.deletionPlan = deletionPlan;
        this.dependentSystems = dependentSystems;
        this.plannedBy = plannedBy;
        this.plannedAt = plannedAt;
    }

    public Long getGateId() {
        return gateId;
    }

    public Reason getRetirementReason() {
        return retirementReason;
    }

    public String getReplacedBy() {
        return replacedBy;
    }

    public String getDataRetentionPlan() {
        return dataRetentionPlan;
    }

    public String getDeletionPlan() {
        return deletionPlan;
    }

    public String getDependentSystems() {
        return dependentSystems;
    }

    public String getPlannedBy() {
        return plannedBy;
    }

    public Instant getPlannedAt() {
        return plannedAt;
    }
}
