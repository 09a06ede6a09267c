package io.aimsgate.validation;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validation results of a model version (A.6.2.4): its metrics, robustness and explainability notes and the model
 * card, as the Responsible engineer or a pipeline submitted them.
 */
@Entity
@Table(name = "validation_run")
public class ValidationRun {

    /** The model card (intended use, limitations, known failure cases, training data summary). */
    public record ModelCard(String intendedUse, String limitations, String failureCases, String trainingData) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long systemId;
    private Long gateId;
    private String versionLabel;
    private String robustnessNotes;
    private String explainabilityNotes;
    private String cardIntendedUse;
    private String cardLimitations;
    private String cardFailureCases;
    private String cardTrainingData;
    private Integer breachCount;
    private String submittedBy;
    private Instant submittedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @JoinColumn(name = "validation_id", nullable = false)
    @OrderBy("id")
    private List<ValidationMetric> metrics = new ArrayList<>();

    protected ValidationRun() {
    }

    ValidationRun(Long systemId, String versionLabel, String robustnessNotes, String explainabilityNotes,
            ModelCard card, List<ValidationMetric> metrics, String submittedBy, Instant submittedAt) {
        this.systemId = systemId;
        this.versionLabel = versionLabel;
        this.robustnessNotes = robustnessNotes;
        this.explainabilityNotes = explainabilityNotes;
        this.cardIntendedUse = card.intendedUse();
        this.cardLimitations = card.limitations();
        this.cardFailureCases = card.failureCases();
        this.cardTrainingData = card.trainingData();
        this.metrics.addAll(metrics);
        this.submittedBy = submittedBy;
        this.submittedAt = submittedAt;
    }

    void attachTo(Long gateRunId) {
        this.gateId = gateRunId;
    }

    void evaluated(int breaches) {
        this.breachCount = breaches;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public Long getGateId() {
        return gateId;
    }

    public String getVersionLabel() {
        return versionLabel;
    }

    public String getRobustnessNotes() {
        return robustnessNotes;
    }

    public String getExplainabilityNotes() {
        return explainabilityNotes;
    }

    public ModelCard getModelCard() {
        return new ModelCard(cardIntendedUse, cardLimitations, cardFailureCases, cardTrainingData);
    }

    public Integer getBreachCount() {
        return breachCount;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public List<ValidationMetric> getMetrics() {
        return List.copyOf(metrics);
    }
}
