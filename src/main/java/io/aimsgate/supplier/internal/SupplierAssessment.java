package io.aimsgate.supplier.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** The due diligence recorded in one run of the supplier-assessment gate, and until when it is current once passed. */
@Entity
@Table(name = "supplier_assessment")
class SupplierAssessment {

    @Id
    private Long gateRunId;

    private Long systemId;
    private String supplierName;
    private String trainingDataProvenance;
    private String modelDocumentation;
    private String securityPractices;
    private String incidentNotification;
    private String contractualSafeguards;
    private String auditRights;
    private String exitPlan;
    private String assessedBy;
    private Instant assessedAt;
    private Instant validUntil;

    @Version
    private long rowVersion;

    protected SupplierAssessment() {
    }

    SupplierAssessment(Long gateRunId, Long systemId, String supplierName, DueDiligence answers, String assessedBy,
            Instant assessedAt) {
        this.gateRunId = gateRunId;
        this.systemId = systemId;
        this.supplierName = supplierName;
        this.trainingDataProvenance = answers.trainingDataProvenance();
        this.modelDocumentation = answers.modelDocumentation();
        this.securityPractices = answers.securityPractices();
        this.incidentNotification = answers.incidentNotification();
        this.contractualSafeguards = answers.contractualSafeguards();
        this.auditRights = answers.auditRights();
        this.exitPlan = answers.exitPlan();
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
    }

    void currentUntil(Instant until) {
        this.validUntil = until;
    }

    Long getGateRunId() {
        return gateRunId;
    }

    Long getSystemId() {
        return systemId;
    }

    String getSupplierName() {
        return supplierName;
    }

    DueDiligence answers() {
        return new DueDiligence(trainingDataProvenance, modelDocumentation, securityPractices, incidentNotification,
                contractualSafeguards, auditRights, exitPlan);
    }

    String getAssessedBy() {
        return assessedBy;
    }

    Instant getAssessedAt() {
        return assessedAt;
    }

    Instant getValidUntil() {
        return validUntil;
    }
}
