package io.aimsgate.gate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One approval of the deployment gate, bound to the state its approvers saw: the state's canonical JSON
 * ({@link ApprovalState#canonicalJson()}) and its digest, the request and run that approved it and the ledger entry
 * that records it. Written by {@link DeploymentGateService#approve} and {@link DeploymentApprovals} only.
 */
@Entity
@Table(name = "deployment_approval")
class DeploymentApproval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long requestId;
    private Long systemId;
    private Long versionId;
    private Long gateRunId;
    private String artifactSha256;
    private String stateDigest;
    private String stateJson;

    @Enumerated(EnumType.STRING)
    private ApprovalStatus status;

    private String approvedBy;
    private Instant approvedAt;
    private long ledgerSequence;
    private Instant invalidatedAt;
    private String invalidationReason;

    @Version
    private long rowVersion;

    protected DeploymentApproval() {
    }

    DeploymentApproval(DeploymentRequest request, ApprovalState state, String approvedBy, Instant approvedAt) {
        this.requestId = request.getId();
        this.systemId = request.getSystemId();
        this.versionId = request.getVersionId();
        this.gateRunId = request.getGateRunId();
        this.artifactSha256 = state.artifactSha256();
        this.stateJson = state.canonicalJson();
        this.stateDigest = ApprovalState.digestOf(stateJson);
        this.status = ApprovalStatus.CURRENT;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
    }

    /**
     * The ledger entry that records the approval, once it has its place in the chain (before the approving
     * transaction commits; until then the sequence is 0, which no entry has).
     */
    void recordedIn(long sequence) {
        this.ledgerSequence = sequence;
    }

    void invalidate(String reason, Instant at) {
        this.status = ApprovalStatus.INVALIDATED;
        this.invalidationReason = DeploymentRequest.truncate(reason, 4000);
        this.invalidatedAt = at;
    }

    void supersede(Instant at) {
        this.status = ApprovalStatus.SUPERSEDED;
        this.invalidatedAt = at;
    }

    Long getId() {
        return id;
    }

    Long getRequestId() {
        return requestId;
    }

    Long getSystemId() {
        return systemId;
    }

    Long getVersionId() {
        return versionId;
    }

    Long getGateRunId() {
        return gateRunId;
    }

    String getArtifactSha256() {
        return artifactSha256;
    }

    String getStateDigest() {
        return stateDigest;
    }

    String getStateJson() {
        return stateJson;
    }

    ApprovalStatus getStatus() {
        return status;
    }

    String getApprovedBy() {
        return approvedBy;
    }

    Instant getApprovedAt() {
        return approvedAt;
    }

    long getLedgerSequence() {
        return ledgerSequence;
    }

    Instant getInvalidatedAt() {
        return invalidatedAt;
    }

    String getInvalidationReason() {
        return invalidationReason;
    }
}
