package io.aimsgate.operation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The Responsible engineer's re-assessment in a re-evaluation run: findings and recommendation. */
@Entity
@Table(name = "reevaluation_assessment")
public class ReevaluationAssessment {

    @Id
    private Long gateId;

    private String findings;
    private String recommendation;
    private String assessedBy;
    private Instant assessedAt;

    protected ReevaluationAssessment() {
    }

    ReevaluationAssessment(Long gateId, String findings, String recommendation, String assessedBy,
            Instant assessedAt) {
        this.gateId = gateId;
        this.findings = findings;
        this.recommendation = recommendation;
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
    }

    public Long getGateId() {
        return gateId;
    }

    public String getFindings() {
        return findings;
    }

    public String getRecommendation() {
        return recommendation;
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }
}
