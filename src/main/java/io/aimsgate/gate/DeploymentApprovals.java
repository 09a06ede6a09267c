package io.aimsgate.gate;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment approvals of model versions, each bound to the state its approvers saw (docs/lifecycle-gates.md,
 * "Bound approval"): the public way to read a version's approval with its state digest and whether it still stands.
 * Approvals are recorded by the deployment gate ({@link DeploymentGateService#approve}) and invalidated by a
 * material change ({@link #invalidate}).
 */
@Service
@Transactional
public class DeploymentApprovals {

    private final DeploymentApprovalRepository approvals;
    private final ApprovalStates states;
    private final InventoryService inventory;
    private final Clock clock;

    DeploymentApprovals(DeploymentApprovalRepository approvals, ApprovalStates states, InventoryService inventory,
            Clock clock) {
        this.approvals = approvals;
        this.states = states;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** The version's latest approval, current or not (404 for an unknown system or version); empty if none. */
    @Transactional(readOnly = true)
    public Optional<BoundApproval> latestOf(Long systemId, String versionLabel) {
        ModelVersion version = inventory.requireVersion(systemId, versionLabel);
        return approvals.findLatest(version.getId()).map(approval -> view(approval, version));
    }

    /** The version's approval that still stands, if any. */
    @Transactional(readOnly = true)
    public Optional<BoundApproval> currentOf(Long versionId) {
        return approvals.findByVersion(versionId, ApprovalStatus.CURRENT).stream().reduce((first, last) -> last)
                .map(approval -> view(approval, inventory.requireVersion(versionId)));
    }

    /**
     * The same approval as it stands now, if it is still the version's current one: for the approving transaction,
     * which has just read it ({@link #currentOf}) and recorded nothing since but its ledger sequence (the entity is
     * the transaction's own, so it is not read again).
     */
    @Transactional(readOnly = true)
    Optional<BoundApproval> again(BoundApproval approval) {
        return approvals.findById(approval.id()).filter(a -> a.getStatus() == ApprovalStatus.CURRENT)
                .map(a -> view(a, inventory.requireVersion(a.getVersionId())));
    }

    /** The state the version is in now (no approvers): what a re-approval compares with the approved one. */
    @Transactional(readOnly = true)
    public ApprovalState currentStateOf(Long versionId) {
        return states.current(versionId);
    }

    /**
     * What differs between the state the version's latest approval is bound to and the state now, one line each;
     * empty when nothing differs or the version was never approved.
     */
    @Transactional(readOnly = true)
    public List<String> differencesSinceApproval(Long versionId) {
        return approvals.findLatest(versionId)
                .map(approval -> states.current(versionId).differencesFrom(ApprovalState.fromJson(
                        approval.getStateJson())))
                .orElse(List.of());
    }

    /**
     * Records the approval of a request, bound to the state now; an older current approval is superseded. The ledger
     * entry that records it ({@link DeploymentApproval#recordedIn}) is numbered when the transaction commits.
     */
    DeploymentApproval record(DeploymentRequest request, ApprovalState state, String approvedBy) {
        approvals.findByVersion(request.getVersionId(), ApprovalStatus.CURRENT)
                .forEach(older -> older.supersede(clock.instant()));
        return approvals.save(new DeploymentApproval(request, state, approvedBy, clock.instant()));
    }

    /** Invalidates the version's current approval with the reason; empty when none stands. */
    Optional<DeploymentApproval> invalidate(Long versionId, String reason) {
        List<DeploymentApproval> current = approvals.findByVersion(versionId, ApprovalStatus.CURRENT);
        current.forEach(approval -> approval.invalidate(reason, clock.instant()));
        return current.stream().reduce((first, last) -> last);
    }

    /** The versions of the system whose approval is current. */
    @Transactional(readOnly = true)
    List<Long> currentVersionsOf(Long systemId) {
        return approvals.findBySystem(systemId, ApprovalStatus.CURRENT).stream().map(DeploymentApproval::getVersionId)
                .distinct().toList();
    }

    /** The version's latest approval, current or not. */
    @Transactional(readOnly = true)
    Optional<DeploymentApproval> latest(Long versionId) {
        return approvals.findLatest(versionId);
    }

    private BoundApproval view(DeploymentApproval approval, ModelVersion version) {
        return new BoundApproval(approval.getId(), approval.getSystemId(), approval.getVersionId(),
                version.getVersionLabel(), approval.getRequestId(), approval.getGateRunId(),
                approval.getArtifactSha256(), approval.getStateDigest(), approval.getStateJson(), approval.getStatus(),
                ApprovalState.fromJson(approval.getStateJson()).approvers(), approval.getApprovedBy(),
                approval.getApprovedAt(), approval.getLedgerSequence(), approval.getInvalidatedAt(),
                approval.getInvalidationReason());
    }
}
