package io.aimsgate.gate;

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
import org.hibernate.annotations.NaturalId;

/** A model version's passage through the deployment-approval gate: one process instance. */
@Entity
@Table(name = "deployment_request")
public class DeploymentRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "system_id")
    private Long systemId;

    @Column(name = "version_id")
    private Long versionId;

    @NaturalId
    private String processInstanceId;

    /** The request's run in the gate-run table, where its decisions are recorded. */
    @Column(name = "gate_run_id")
    private Long gateRunId;

    @Enumerated(EnumType.STRING)
    private DeploymentRequestStatus status;

    private String submittedBy;
    private Instant submittedAt;
    private String submissionNote;
    /** The serving image the submitter named ({@code registry/repository@sha256:<hex>}), if any. */
    private String servingImage;
    private boolean highRiskTier;
    private Instant assessedAt;
    private int blockingRiskCount;
    private int haltCount;
    private String haltReasons;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionRationale;

    /** The approval this request re-approves after a material change invalidated it; null for a first submission. */
    private Long reapprovalOf;

    @Version
    private long rowVersion;

    protected DeploymentRequest() {
    }

    DeploymentRequest(Long systemId, Long versionId, String processInstanceId, Long gateRunId, String submittedBy,
            String note, boolean highRiskTier, Instant now) {
        this.gateRunId = gateRunId;
        this.highRiskTier = highRiskTier;
        this.systemId = systemId;
        this.versionId = versionId;
        this.processInstanceId = processInstanceId;
        this.submittedBy = submittedBy;
        this.submissionNote = note;
        this.submittedAt = now;
        this.status = DeploymentRequestStatus.IN_REVIEW;
    }

    void nameServingImage(String image) {
        this.servingImage = image;
    }

    /** A re-approval of an invalidated approval, in the name of the submitter of the request that won it. */
    static DeploymentRequest reapproval(DeploymentApproval invalidated, DeploymentRequest approved,
            String processInstanceId, Long gateRunId, String reason, boolean highRiskTier, Instant now) {
        DeploymentRequest request = new DeploymentRequest(approved.getSystemId(), approved.getVersionId(),
                processInstanceId, gateRunId, approved.getSubmittedBy(), truncate(reason, 2000), highRiskTier, now);
        request.reapprovalOf = invalidated.getId();
        // The re-approval's signed decision names the same serving image as the approval it renews.
        request.servingImage = approved.getServingImage();
        return request;
    }

    void assessed(long blockingRisks, Instant at) {
        this.blockingRiskCount = (int) Math.min(Integer.MAX_VALUE, blockingRisks);
        this.assessedAt = at;
    }

    void halt(String reasons) {
        this.status = DeploymentRequestStatus.HALTED;
        this.haltCount++;
        this.haltReasons = truncate(reasons, 8000);
    }

    void resumeReview() {
        this.status = DeploymentRequestStatus.IN_REVIEW;
    }

    void decide(DeploymentRequestStatus outcome, String by, String rationale, Instant at) {
        this.status = outcome;
        this.decidedBy = by;
        this.decisionRationale = truncate(rationale, 4000);
        this.decidedAt = at;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    public Long getId() {
        return id;
    }

    public Long getSystemId() {
        return systemId;
    }

    public Long getVersionId() {
        return versionId;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public DeploymentRequestStatus getStatus() {
        return status;
    }

    public Long getGateRunId() {
        return gateRunId;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getServingImage() {
        return servingImage;
    }

    public String getSubmissionNote() {
        return submissionNote;
    }

    public boolean isHighRiskTier() {
        return highRiskTier;
    }

    public Instant getAssessedAt() {
        return assessedAt;
    }

    public int getBlockingRiskCount() {
        return blockingRiskCount;
    }

    public int getHaltCount() {
        return haltCount;
    }

    public String getHaltReasons() {
        return haltReasons;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionRationale() {
        return decisionRationale;
    }

    public Long getReapprovalOf() {
        return reapprovalOf;
    }

    /** Whether this request re-approves an invalidated approval. */
    public boolean isReapproval() {
        return reapprovalOf != null;
    }
}
