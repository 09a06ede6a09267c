package io.aimsgate.gate;

import java.time.Instant;
import java.util.List;

/**
 * A deployment approval as others read it ({@link DeploymentApprovals}): which version and artefact it approved, the
 * digest of the state it is bound to and that state ({@code stateJson} is exactly the hashed canonical JSON), who
 * approved in which role, the ledger entry that records it ({@code ledgerSequence}, kind {@code GATE_PASSED}) and
 * whether it still stands ({@link ApprovalStatus#CURRENT}) or why not.
 */
public record BoundApproval(Long id, Long systemId, Long versionId, String versionLabel, Long requestId,
        Long gateRunId, String artifactSha256, String stateDigest, String stateJson, ApprovalStatus status,
        List<ApprovalState.Approver> approvers, String approvedBy, Instant approvedAt, long ledgerSequence,
        Instant invalidatedAt, String invalidationReason) {

    public BoundApproval {
        approvers = List.copyOf(approvers);
    }

    /** The state the approval is bound to, read back from {@code stateJson}. */
    public ApprovalState state() {
        return ApprovalState.fromJson(stateJson);
    }

    public boolean isCurrent() {
        return status == ApprovalStatus.CURRENT;
    }
}
