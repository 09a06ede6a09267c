package io.aimsgate.risk;

import io.aimsgate.inventory.LifecycleStage;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** An AI risk in the register (clauses 6.1.2, 6.1.3, 8.2, 8.3). */
@Entity
@Table(name = "risk")
public class Risk {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_id")
    private Long systemId;

    @Enumerated(EnumType.STRING)
    private LifecycleStage lifecycleStage;

    @Enumerated(EnumType.STRING)
    private StrideCategory strideCategory;

    private String title;
    private String description;
    private int likelihood;
    private int impact;
    private int inherentScore;

    @Enumerated(EnumType.STRING)
    private Severity inherentSeverity;

    @Enumerated(EnumType.STRING)
    private RiskTreatment treatment;
    private String treatmentOwner;
    private LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    private RiskStatus status;

    private Integer residualLikelihood;
    private Integer residualImpact;

    @Enumerated(EnumType.STRING)
    private Severity residualSeverity;

    /** Residual if treated, else inherent: the cell the gate assesses, tallied per system (RiskCellTally). */
    private int currentLikelihood;
    private int currentImpact;
    /** currentLikelihood x currentImpact: the order in which the gate names blocking risks (worst first). */
    private int currentScore;

    @Enumerated(EnumType.STRING)
    private Severity currentSeverity;

    private String acceptedBy;
    private String acceptedRole;
    private boolean acceptedByBoard;
    private Instant acceptedAt;
    private String acceptanceRationale;
    /** From this day on the acceptance no longer stands (the risk-acceptance process's timer reopens the risk). */
    private LocalDate acceptanceExpiresOn;
    private String statusReason;

    /** What was done to a HIGH or CRITICAL risk whose residual rating takes it below HIGH. */
    private String treatmentRecord;

    /**
     * Whether the risk blocks a deployment if its current cell is HIGH or CRITICAL: OPEN, IN_TREATMENT, or ACCEPTED
     * without the governance board's authority. Severity is left out because the deployed matrix can change.
     */
    private boolean blocksIfSevere;

    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long rowVersion;

    protected Risk() {
    }

    Risk(Long systemId, String createdBy, Instant now) {
        this.systemId = systemId;
        this.createdBy = createdBy;
        this.status = RiskStatus.OPEN;
        this.createdAt = now;
        classify();
    }

    void describe(RiskDetails details, SeverityMatrix matrix, Instant now) {
        this.lifecycleStage = details.lifecycleStage();
        this.strideCategory = details.strideCategory();
        this.title = details.title();
        this.description = details.description();
        this.likelihood = details.likelihood();
        this.impact = details.impact();
        this.treatment = details.treatment();
        this.treatmentOwner = details.treatmentOwner();
        this.dueDate = details.dueDate();
        this.residualLikelihood = details.residualLikelihood();
        this.residualImpact = details.residualImpact();
        rate(matrix);
        this.updatedAt = now;
    }

    /** Re-rates every severity against the given matrix (the risk appetite in force). */
    void rate(SeverityMatrix matrix) {
        this.inherentScore = likelihood * impact;
        this.inherentSeverity = matrix.severityOf(likelihood, impact);
        boolean treated = residualLikelihood != null && residualImpact != null;
        this.residualSeverity = treated ? matrix.severityOf(residualLikelihood, residualImpact) : null;
        this.currentLikelihood = treated ? residualLikelihood : likelihood;
        this.currentImpact = treated ? residualImpact : impact;
        this.currentSeverity = treated ? residualSeverity : inherentSeverity;
        this.currentScore = currentLikelihood * currentImpact;
    }

    void recordTreatment(String record) {
        this.treatmentRecord = record;
    }

    public String getTreatmentRecord() {
        return treatmentRecord;
    }

    void changeStatus(RiskStatus next, String reason, Instant now) {
        this.status = next;
        this.statusReason = reason;
        if (next != RiskStatus.ACCEPTED) {
            clearAcceptance();
        }
        classify();
        this.updatedAt = now;
    }

    void accept(String user, String role, boolean byBoard, String rationale, LocalDate expiresOn, Instant now) {
        this.status = RiskStatus.ACCEPTED;
        this.acceptanceExpiresOn = expiresOn;
        this.acceptedBy = user;
        this.acceptedRole = role;
        this.acceptedByBoard = byBoard;
        this.acceptanceRationale = rationale;
        // Microseconds: what both databases keep, so the time reads back exactly (it identifies the acceptance).
        this.acceptedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.statusReason = null;
        classify();
        this.updatedAt = now;
    }

    private void classify() {
        this.blocksIfSevere = status.blocksIfSevere(acceptedByBoard);
    }

    /** The cell the risk is tallied in ({@link RiskCellTally}), or null when it cannot block whatever its severity. */
    RiskCell tallyCell() {
        return blocksIfSevere ? new RiskCell(currentLikelihood, currentImpact) : null;
    }

    private void clearAcceptance() {
        this.acceptedBy = null;
        this.acceptedRole = null;
        this.acceptedByBoard = false;
        this.acceptedAt = null;
        this.acceptanceRationale = null;
        this.acceptanceExpiresOn = null;
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public LifecycleStage getLifecycleStage() {
        return lifecycleStage;
    }

    public StrideCategory getStrideCategory() {
        return strideCategory;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public int getLikelihood() {
        return likelihood;
    }

    public int getImpact() {
        return impact;
    }

    public int getInherentScore() {
        return inherentScore;
    }

    public Severity getInherentSeverity() {
        return inherentSeverity;
    }

    public RiskTreatment getTreatment() {
        return treatment;
    }

    public String getTreatmentOwner() {
        return treatmentOwner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public RiskStatus getStatus() {
        return status;
    }

    public Integer getResidualLikelihood() {
        return residualLikelihood;
    }

    public Integer getResidualImpact() {
        return residualImpact;
    }

    public Severity getResidualSeverity() {
        return residualSeverity;
    }

    public Severity getCurrentSeverity() {
        return currentSeverity;
    }

    public int getCurrentLikelihood() {
        return currentLikelihood;
    }

    public int getCurrentImpact() {
        return currentImpact;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public String getAcceptedRole() {
        return acceptedRole;
    }

    public boolean isAcceptedByBoard() {
        return acceptedByBoard;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }

    public String getAcceptanceRationale() {
        return acceptanceRationale;
    }

    public LocalDate getAcceptanceExpiresOn() {
        return acceptanceExpiresOn;
    }

    public String getStatusReason() {
        return statusReason;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
