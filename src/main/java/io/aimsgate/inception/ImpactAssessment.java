package io.aimsgate.inception;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The AI system impact assessment of a high-risk system (clause 6.1.4, A.5): its six parts. */
@Entity
@Table(name = "impact_assessment")
public class ImpactAssessment {

    /** The six parts, by the form field that carries each. */
    /**
     * The command "record an impact assessment": its six parts, each at least a short paragraph
     * ({@link InceptionService#recordAssessment} validates them).
     */
    public record Parts(
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART) String systemContext,
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART)
            String stakeholdersAffected,
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART) String ethicsAndBias,
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART)
            String recourseAndOversight,
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART)
            String safetyGovernance,
            @MultiLine @NotBlank(message = PART) @Size(min = MIN_PART, max = MAX_PART, message = PART)
            String performanceThresholds) {

        static final int MIN_PART = 20;
        static final int MAX_PART = 8000;
        static final String PART = "is required (" + MIN_PART + " to " + MAX_PART + " characters)";
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long gateId;
    private Long systemId;
    private String systemContext;
    private String stakeholdersAffected;
    private String ethicsAndBias;
    private String recourseAndOversight;
    private String safetyGovernance;
    private String performanceThresholds;
    private String assessedBy;
    private Instant assessedAt;

    protected ImpactAssessment() {
    }

    ImpactAssessment(Long gateId, Long systemId, Parts parts, String assessedBy, Instant assessedAt) {
        this.gateId = gateId;
        this.systemId = systemId;
        this.systemContext = parts.systemContext();
        this.stakeholdersAffected = parts.stakeholdersAffected();
        this.ethicsAndBias = parts.ethicsAndBias();
        this.recourseAndOversight = parts.recourseAndOversight();
        this.safetyGovernance = parts.safetyGovernance();
        this.performanceThresholds = parts.performanceThresholds();
        this.assessedBy = assessedBy;
        this.assessedAt = assessedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getGateId() {
        return gateId;
    }

    public Long getSystemId() {
        return systemId;
    }

    public Parts getParts() {
        return new Parts(systemContext, stakeholdersAffected, ethicsAndBias, recourseAndOversight, safetyGovernance,
                performanceThresholds);
    }

    public String getAssessedBy() {
        return assessedBy;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }
}
