package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceRevisionStored;
import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.EvidenceSubjectType;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.inventory.ArtifactReplaced;
import io.aimsgate.risk.RiskChanged;
import io.aimsgate.shared.PlatformEngineAccess;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Material changes to the state a deployment approval is bound to (docs/lifecycle-gates.md, "Bound approval"): a new
 * or re-rated HIGH or CRITICAL risk of the system, one that is unresolved again (its acceptance lapsed or was
 * withdrawn, or it was reopened), a new revision of the deployment gate's required evidence, a new incident hold and
 * a changed artefact digest. Each invalidates the current approval of the versions it touches
 * ({@link DeploymentGateService#invalidate}) and starts their re-approval in the deployment gate (message
 * {@code DeploymentReapprovalRequired}).
 * <p>
 * The listeners run after the change has committed, each in a transaction of its own, on the same thread (so the
 * change's caller sees the version already invalidated). The events are stored with the change (Spring Modulith's
 * event publication registry) and marked complete when the listener succeeded; one cut off by a crash is delivered
 * again at the next start.
 */
@Component
class MaterialChanges {

    static final String RISK = "RISK";
    static final String EVIDENCE = "EVIDENCE";
    static final String INCIDENT_HOLD = "INCIDENT_HOLD";
    static final String ARTIFACT = "ARTIFACT";

    private final DeploymentGateService gate;
    private final RequiredEvidence requiredEvidence;
    private final RuntimeService runtime;
    private final PlatformEngineAccess engine;

    MaterialChanges(DeploymentGateService gate, RequiredEvidence requiredEvidence, RuntimeService runtime,
            PlatformEngineAccess engine) {
        this.gate = gate;
        this.requiredEvidence = requiredEvidence;
        this.runtime = runtime;
        this.engine = engine;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void riskChanged(RiskChanged change) {
        reasonOf(change).ifPresent(reason -> gate.approvedVersionsOf(change.systemId())
                .forEach(versionId -> invalidate(versionId, RISK, reason)));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void evidenceStored(EvidenceRevisionStored stored) {
        EvidenceRevision revision = stored.revision();
        if (!EvidenceSubjectType.MODEL_VERSION.name().equals(revision.subjectType())) {
            return;
        }
        long versionId = Long.parseLong(revision.subjectId());
        if (requiredEvidence.isRequired(GateKind.DEPLOYMENT.name(), EvidenceSubject.ofVersion(stored.systemId(),
                versionId), revision)) {
            invalidate(versionId, EVIDENCE, "New revision " + revision.revision() + " of required evidence "
                    + revision.kind() + " '" + revision.fileName() + "' (sha256:" + revision.sha256() + ") by "
                    + revision.uploadedBy() + ".");
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void holdPlaced(DeploymentHoldPlaced hold) {
        invalidate(hold.versionId(), INCIDENT_HOLD, "New incident hold: " + hold.reason());
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void artifactReplaced(ArtifactReplaced replaced) {
        invalidate(replaced.versionId(), ARTIFACT, "Artefact digest changed: sha256:" + replaced.previousSha256()
                + " -> sha256:" + replaced.artifactSha256() + ".");
    }

    /**
     * Whether a change to a risk is material for an approval, and how to say it: only a risk whose current severity
     * is HIGH or CRITICAL counts, when it is new, re-rated, or unresolved again (an expired or withdrawn acceptance,
     * a reopened risk). Closing, treating below HIGH or accepting by the board are not material.
     */
    static Optional<String> reasonOf(RiskChanged change) {
        if (change.severity() == null || !change.severity().isHighOrAbove()) {
            return Optional.empty();
        }
        String risk = change.severity() + " risk " + change.riskId() + " '" + change.title() + "'";
        if (change.change() == RiskChanged.Change.RECORDED) {
            return Optional.of("New " + risk + " recorded (" + change.status() + ").");
        }
        if (change.change() == RiskChanged.Change.ACCEPTANCE_EXPIRED) {
            return Optional.of("The acceptance of " + risk + " lapsed: " + change.detail()
                    + " The risk is unresolved again.");
        }
        if (change.ratingChanged()) {
            return Optional.of("Risk " + change.riskId() + " '" + change.title() + "' re-rated: now "
                    + change.severity() + " (" + change.status() + ").");
        }
        if (!change.blockingBefore() && change.blockingNow()) {
            return Optional.of(risk + " is unresolved again (" + change.status() + ").");
        }
        return Optional.empty();
    }

    /** Invalidates the version's approval, if one stands, and starts its re-approval on the platform's behalf. */
    private void invalidate(Long versionId, String change, String reason) {
        if (gate.invalidate(versionId, change, reason)) {
            engine.withoutUserAuthorization(() -> runtime
                    .createMessageCorrelation(DeploymentApprovalProcess.MESSAGE_REAPPROVAL_REQUIRED)
                    .setVariable(DeploymentApprovalProcess.VERSION_ID, versionId)
                    .correlateStartMessage());
        }
    }
}
