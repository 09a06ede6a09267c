package io.aimsgate.gate;

import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.risk.RiskAssessment;
import io.aimsgate.risk.RiskAssessmentService;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deployment gate's state in our tables. Called by the process's delegates (inside the engine's
 * transaction) and by the REST controllers; the only code that moves a version's status in this gate.
 */
@Service
@Transactional
public class DeploymentGateService {

    /** The RACI activity whose Informed groups hear of every deployment decision. */
    static final String DEPLOYMENT_APPROVAL_ACTIVITY = "deployment-approval";

    private final DeploymentRequestRepository requests;
    private final GateDecisions decisions;
    private final GateEventRepository events;
    private final InventoryService inventory;
    private final RiskAssessmentService riskAssessment;
    private final List<DeploymentBlocker> blockers;
    private final List<DeploymentPrerequisite> prerequisites;
    private final InformedParties informed;
    private final ApplicationEventPublisher publisher;
    private final RequiredEvidence requiredEvidence;
    private final Clock clock;
    private final DecisionLedger ledger;
    private final ApprovalStates states;
    private final DeploymentApprovals approvals;

    DeploymentGateService(DeploymentRequestRepository requests, GateDecisions decisions,
            GateEventRepository events, InventoryService inventory, RiskAssessmentService riskAssessment,
            List<DeploymentBlocker> blockers, List<DeploymentPrerequisite> prerequisites, InformedParties informed,
            ApplicationEventPublisher publisher, RequiredEvidence requiredEvidence, Clock clock, DecisionLedger ledger,
            ApprovalStates states, DeploymentApprovals approvals) {
        this.ledger = ledger;
        this.states = states;
        this.approvals = approvals;
        this.publisher = publisher;
        this.requiredEvidence = requiredEvidence;
        this.blockers = List.copyOf(blockers);
        this.prerequisites = List.copyOf(prerequisites);
        this.informed = informed;
        this.requests = requests;
        this.decisions = decisions;
        this.events = events;
        this.inventory = inventory;
        this.riskAssessment = riskAssessment;
        this.clock = clock;
    }

    /** Refuses a submission that cannot enter the gate: unknown version (404), prohibited system or wrong status (409). */
    @Transactional(readOnly = true)
    public ModelVersion checkSubmittable(Long systemId, String versionLabel) {
        ModelVersion version = inventory.requireVersion(systemId, versionLabel);
        AiSystem system = inventory.requireSystem(systemId);
        List<String> reasons = new ArrayList<>();
        if (system.getEuAiActTier() == EuAiActTier.UNACCEPTABLE) {
            reasons.add("The system is classified as an EU AI Act prohibited practice (tier UNACCEPTABLE).");
        }
        for (DeploymentPrerequisite prerequisite : prerequisites) {
            reasons.addAll(prerequisite.unmetFor(systemId));
        }
        if (version.getStatus() != VersionStatus.DRAFT) {
            reasons.add("Version '" + versionLabel + "' is " + version.getStatus()
                    + "; only DRAFT versions can be submitted.");
        }
        if (!reasons.isEmpty()) {
            throw new ConflictException("versionLabel", "This version cannot be submitted for deployment approval.",
                    reasons);
        }
        return version;
    }

    /** Creates the request for a process instance; running it twice returns the same request. */
    public DeploymentRequest register(String processInstanceId, Long systemId, String versionLabel, String submitter,
            String note) {
        return requests.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            ModelVersion version = checkSubmittable(systemId, versionLabel);
            boolean highRiskTier = inventory.requireSystem(systemId).getEuAiActTier() == EuAiActTier.HIGH;
            GateRun run = decisions.open(processInstanceId, GateKind.DEPLOYMENT, systemId, submitter, null, note);
            DeploymentRequest request = requests.save(new DeploymentRequest(systemId, version.getId(),
                    processInstanceId, run.getId(), submitter, note, highRiskTier, clock.instant()));
            inventory.changeVersionStatus(version.getId(), VersionStatus.IN_REVIEW);
            event(request, GateEvent.Type.SUBMITTED, "SUBMITTER", submitter, note);
            return request;
        });
    }

    /** {@code registry/repository[:port...]@sha256:<64 hex>}: an image named by its digest, as admission checks it. */
    public static final String SERVING_IMAGE = "^[a-z0-9][a-z0-9._:/-]{0,219}@sha256:[a-f0-9]{64}$";

    /**
     * Records the serving image the submitter named (the signed decision names it as a subject beside the model
     * artefact); 400 naming {@code servingImage} unless it is an image reference by digest.
     */
    public void nameServingImage(Long requestId, String image) {
        if (!java.util.regex.Pattern.matches(SERVING_IMAGE, image)) {
            throw new io.aimsgate.shared.InvalidInputException("servingImage", "must be an image by digest: "
                    + "registry/repository@sha256: and 64 lower-case hexadecimal characters");
        }
        require(requestId).nameServingImage(image);
    }

    @Transactional(readOnly = true)
    public AiSystem systemOf(DeploymentRequest request) {
        return inventory.requireSystem(request.getSystemId());
    }

    @Transactional(readOnly = true)
    public ModelVersion versionOf(DeploymentRequest request) {
        return inventory.requireVersion(request.getVersionId());
    }

    /**
     * Assesses the system's risk register and the holds on the version now, records the result on the request, and
     * resumes a halted request that is clear of both.
     */
    public DeploymentAssessment assess(Long requestId) {
        DeploymentRequest request = require(requestId);
        String actor = request.getSubmittedBy();
        List<String> holds = new ArrayList<>();
        for (DeploymentBlocker blocker : blockers) {
            holds.addAll(blocker.blockingReasons(request.getVersionId()));
        }
        DeploymentAssessment assessment = new DeploymentAssessment(riskAssessment.assess(request.getSystemId()), holds);
        request.assessed(assessment.risk().unresolvedHighRiskCount(), assessment.assessedAt());
        if (!assessment.blocked() && request.getStatus() == DeploymentRequestStatus.HALTED) {
            request.resumeReview();
            inventory.changeVersionStatus(request.getVersionId(), reviewStatus(request));
            event(request, GateEvent.Type.RESUMED, null, actor, "Re-assessed: no unresolved high-severity risk and no"
                    + " incident hold");
        }
        return assessment;
    }

    /** The version's status while its request is reviewed: IN_REVIEW, or REAPPROVAL_REQUIRED for a re-approval. */
    private static VersionStatus reviewStatus(DeploymentRequest request) {
        return request.isReapproval() ? VersionStatus.REAPPROVAL_REQUIRED : VersionStatus.IN_REVIEW;
    }

    /**
     * Registers the re-approval of a version whose approval a material change invalidated (the process's message
     * start): a new run of the deployment gate, in the name of the submitter of the approved request (who therefore
     * may not decide in it either), with the material change as its trigger. The version stays REAPPROVAL_REQUIRED
     * while it is reviewed. Refused (409) for a version that is not awaiting re-approval or already has an open
     * request. Running it twice for a process instance returns the same request.
     */
    public DeploymentRequest registerReapproval(String processInstanceId, Long versionId) {
        return requests.findByProcessInstanceId(processInstanceId).orElseGet(() -> {
            ModelVersion version = inventory.requireVersion(versionId);
            VersionStatus status = version.getStatus() == VersionStatus.SUSPENDED ? version.getHeldStatus()
                    : version.getStatus();
            if (status != VersionStatus.REAPPROVAL_REQUIRED) {
                throw new ConflictException("versionId", "Version '" + version.getVersionLabel() + "' is " + status
                        + "; only a version whose approval was invalidated is re-approved.");
            }
            if (requests.existsByVersionIdAndStatusIn(versionId, List.of(DeploymentRequestStatus.IN_REVIEW,
                    DeploymentRequestStatus.HALTED))) {
                throw new ConflictException("versionId", "Version '" + version.getVersionLabel()
                        + "' already has an open deployment request.");
            }
            DeploymentApproval invalidated = approvals.latest(versionId)
                    .filter(approval -> approval.getStatus() == ApprovalStatus.INVALIDATED)
                    .orElseThrow(() -> new ConflictException("versionId", "Version '" + version.getVersionLabel()
                            + "' has no invalidated approval to re-approve."));
            DeploymentRequest approved = require(invalidated.getRequestId());
            boolean highRiskTier = inventory.requireSystem(version.getSystemId()).getEuAiActTier() == EuAiActTier.HIGH;
            String note = "Re-approval: " + invalidated.getInvalidationReason();
            GateRun run = decisions.open(processInstanceId, GateKind.DEPLOYMENT, version.getSystemId(),
                    approved.getSubmittedBy(), MATERIAL_CHANGE, note);
            DeploymentRequest request = requests.save(DeploymentRequest.reapproval(invalidated, approved,
                    processInstanceId, run.getId(), note, highRiskTier, clock.instant()));
            event(request, GateEvent.Type.SUBMITTED, null, approved.getSubmittedBy(), note);
            return request;
        });
    }

    /** The trigger of a re-approval run: a material change of the state an approval was bound to. */
    static final String MATERIAL_CHANGE = "MATERIAL_CHANGE";

    /**
     * A material change invalidates the version's current approval: the approval is INVALIDATED with the reason, the
     * version leaves APPROVED for REAPPROVAL_REQUIRED (held so while an incident suspends it), the approved request's
     * history and the ledger ({@code GATE_APPROVAL_INVALIDATED}) say why. The caller starts the re-approval.
     *
     * @return whether an approval was invalidated (false when the version has no current approval)
     */
    public boolean invalidate(Long versionId, String change, String reason) {
        ModelVersion version = inventory.requireVersion(versionId);
        VersionStatus status = version.getStatus() == VersionStatus.SUSPENDED ? version.getHeldStatus()
                : version.getStatus();
        if (status != VersionStatus.APPROVED) {
            return false;
        }
        DeploymentApproval approval = approvals.invalidate(versionId, reason).orElse(null);
        if (approval == null) {
            return false;
        }
        inventory.changeVersionStatus(versionId, VersionStatus.REAPPROVAL_REQUIRED);
        DeploymentRequest approved = require(approval.getRequestId());
        events.save(new GateEvent(approved.getId(), GateEvent.Type.INVALIDATED, Actors.acting(), reason,
                clock.instant()));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("gate", GateKind.DEPLOYMENT.name());
        snapshot.put("gateRunId", approval.getGateRunId());
        snapshot.put("requestId", approval.getRequestId());
        snapshot.put("versionId", versionId);
        snapshot.put("versionLabel", version.getVersionLabel());
        snapshot.put("approvalId", approval.getId());
        snapshot.put("stateDigest", approval.getStateDigest());
        snapshot.put("change", change);
        snapshot.put("versionStatus", VersionStatus.REAPPROVAL_REQUIRED.name());
        ledger.append(new LedgerRecord("GATE_APPROVAL_INVALIDATED", null, "GATE_RUN",
                String.valueOf(approval.getGateRunId()), version.getSystemId(), reason,
                approved.getProcessInstanceId(), null, snapshot));
        return true;
    }

    /** The versions of the system whose approval still stands. */
    @Transactional(readOnly = true)
    public List<Long> approvedVersionsOf(Long systemId) {
        return approvals.currentVersionsOf(systemId);
    }

    public void halt(Long requestId, List<String> reasons) {
        DeploymentRequest request = require(requestId);
        String actor = request.getSubmittedBy();
        String text = String.join("\n", reasons);
        request.halt(text);
        inventory.changeVersionStatus(request.getVersionId(), VersionStatus.HALTED);
        event(request, GateEvent.Type.HALTED, null, actor, text);
        publisher.publishEvent(new DeploymentHalted(request.getId(), request.getSystemId(), request.getVersionId()));
    }

    /** Records the approval in the name of the last Accountable approver, as recorded by the approval tasks. */
    public void approve(Long requestId) {
        DeploymentRequest request = require(requestId);
        List<GateDecision> accountableApprovals = decisions.decisionsOf(request.getGateRunId()).stream()
                .filter(d -> GateDecisions.APPROVE.equals(d.getDecision()) && d.getRaciRole() == RaciRole.ACCOUNTABLE)
                .toList();
        if (accountableApprovals.isEmpty()) {
            throw new IllegalStateException("Request " + requestId + " has no Accountable approval to record");
        }
        GateDecision accountable = accountableApprovals.get(accountableApprovals.size() - 1);
        String approver = accountable.getDecidedBy();
        String rationale = accountable.getRationale();
        // The gate's required evidence (evidence.RequiredEvidence): the version's current model card.
        List<String> missing = requiredEvidence.missing("DEPLOYMENT",
                EvidenceSubject.ofVersion(request.getSystemId(), request.getVersionId()));
        if (!missing.isEmpty()) {
            throw new ConflictException("evidence", "The deployment gate cannot approve without its required "
                    + "evidence.", missing);
        }
        request.decide(DeploymentRequestStatus.APPROVED, approver, rationale, clock.instant());
        // Bound approval: the approval is recorded with the digest of the state its approvers saw, and that state.
        ApprovalState state = states.approvedIn(request.getVersionId(), request.getGateRunId());
        Map<String, Object> bound = new LinkedHashMap<>();
        bound.put("versionId", request.getVersionId());
        bound.put("reapprovalOf", request.getReapprovalOf());
        bound.put("artifactSha256", state.artifactSha256());
        bound.put("stateDigest", state.digest());
        bound.put("state", ledgerState(state));
        DeploymentApproval approval = approvals.record(request, state, approver);
        decisions.close(request.getGateRunId(), GateRunStatus.PASSED, approver, rationale, bound,
                entry -> approval.recordedIn(entry.sequence()));
        inventory.changeVersionStatus(request.getVersionId(), VersionStatus.APPROVED);
        inventory.moveToStage(request.getSystemId(), LifecycleStage.DEPLOYMENT);
        event(request, GateEvent.Type.APPROVED, RaciRole.ACCOUNTABLE.name(), approver, rationale);
        tellInformed(request, "approved", approver, rationale);
        publisher.publishEvent(new DeploymentApproved(request.getSystemId(), request.getVersionId(), approver));
    }

    /** A ledger snapshot holds at most this much of a bound state in full; a larger one is summarised. */
    static final int LEDGER_STATE_LIMIT = 16_000;

    /**
     * The state in the ledger entry: in full, or, for a register too large for one entry, everything but the risks
     * in full and the risks as their count and the SHA-256 of their canonical JSON (the full state is stored with the
     * approval, and its digest is in the entry either way).
     */
    static Object ledgerState(ApprovalState state) {
        String json = state.canonicalJson();
        if (json.length() <= LEDGER_STATE_LIMIT) {
            return state.toMap();
        }
        Map<String, Object> summary = new LinkedHashMap<>(state.toMap());
        ApprovalState risksOnly = new ApprovalState(null, null, null, null, state.risks(), List.of(), List.of(),
                List.of());
        summary.put("risks", Map.of("count", state.risks().size(), "digest", risksOnly.digest()));
        return summary;
    }

    /** Records the rejection in the name of whoever rejected last, with their rationale. */
    public void reject(Long requestId) {
        DeploymentRequest request = require(requestId);
        GateDecision rejection = decisions.lastDecisionOf(request.getGateRunId(), Set.of(GateDecisions.REJECT))
                .orElseThrow(() -> new IllegalStateException("Request " + requestId + " has no rejection to record"));
        String decider = rejection.getDecidedBy();
        String rationale = rejection.getRationale();
        request.decide(DeploymentRequestStatus.REJECTED, decider, rationale, clock.instant());
        decisions.close(request.getGateRunId(), GateRunStatus.REJECTED, decider, rationale);
        inventory.changeVersionStatus(request.getVersionId(), VersionStatus.REJECTED);
        event(request, GateEvent.Type.REJECTED, rejection.getRaciRole() == null ? null : rejection.getRaciRole().name(),
                decider, rationale);
        tellInformed(request, "rejected", decider, rationale);
    }

    private void tellInformed(DeploymentRequest request, String outcome, String decider, String rationale) {
        AiSystem system = inventory.requireSystem(request.getSystemId());
        String version = inventory.requireVersion(request.getVersionId()).getVersionLabel();
        informed.tell(DEPLOYMENT_APPROVAL_ACTIVITY, "Deployment of " + system.getName() + " " + version + " " + outcome,
                "The deployment gate " + outcome + " version " + version + " of AI system " + system.getName()
                        + " (request " + request.getId() + ").\nDecided by: " + decider + "\nRationale: " + rationale);
    }

    /** The submitter withdraws a halted request; the version goes back to DRAFT and may be submitted again. */
    public void withdraw(Long requestId, String note) {
        DeploymentRequest request = require(requestId);
        String actor = request.getSubmittedBy();
        request.decide(DeploymentRequestStatus.WITHDRAWN, actor, note, clock.instant());
        decisions.close(request.getGateRunId(), GateRunStatus.WITHDRAWN, actor, note);
        inventory.changeVersionStatus(request.getVersionId(), VersionStatus.DRAFT);
        event(request, GateEvent.Type.WITHDRAWN, "SUBMITTER", actor, note);
    }

    /**
     * One call per gate event: the request's history ({@code gate_event}), and in the decision ledger, in this
     * transaction, the deployment gate's own events (halted, resumed; the run's submission and its end are recorded
     * by {@link GateDecisions#open} and {@link GateDecisions#close}). {@code recordedFor} is whom the gate records
     * the event for (the submitter, the last Accountable approver); the ledger's actor is whoever is authenticated.
     */
    private void event(DeploymentRequest request, GateEvent.Type type, String actorRole, String recordedFor,
            String details) {
        events.save(new GateEvent(request.getId(), type, recordedFor, details, clock.instant()));
        if (type != GateEvent.Type.HALTED && type != GateEvent.Type.RESUMED) {
            return;
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("gate", GateKind.DEPLOYMENT.name());
        snapshot.put("gateRunId", request.getGateRunId());
        snapshot.put("requestId", request.getId());
        snapshot.put("versionId", request.getVersionId());
        snapshot.put("status", request.getStatus() == null ? null : request.getStatus().name());
        snapshot.put("recordedFor", recordedFor);
        ledger.append(new LedgerRecord("GATE_" + type.name(), actorRole, "GATE_RUN",
                String.valueOf(request.getGateRunId()), request.getSystemId(), details,
                request.getProcessInstanceId(), null, snapshot));
    }

    /** Whether any reviewer or approver of this request rejected it. */
    @Transactional(readOnly = true)
    public boolean hasRejection(Long requestId) {
        return decisions.hasRejection(require(requestId).getGateRunId());
    }

    @Transactional(readOnly = true)
    public DeploymentRequest require(Long requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new NotFoundException("requestId", "No deployment request " + requestId + "."));
    }

    @Transactional(readOnly = true)
    public DeploymentRequest requireByProcessInstance(String processInstanceId) {
        return requests.findByProcessInstanceId(processInstanceId)
                .orElseThrow(() -> new NotFoundException("processInstanceId",
                        "No deployment request for process instance " + processInstanceId + "."));
    }

    @Transactional(readOnly = true)
    public List<DeploymentRequest> requestsFor(Long systemId, String versionLabel) {
        return requests.findByVersionIdOrderBySubmittedAtDesc(inventory.requireVersion(systemId, versionLabel).getId());
    }

    @Transactional(readOnly = true)
    public List<GateDecision> decisionsOf(Long requestId) {
        return decisions.decisionsOf(require(requestId).getGateRunId());
    }

    /** Versions IN_REVIEW or HALTED that no open deployment request holds: in review with no gate (consistency check). */
    @Transactional(readOnly = true)
    public List<ModelVersion> versionsInReviewWithoutGate() {
        return requests.versionsWithoutOpenRequest(List.of(VersionStatus.IN_REVIEW, VersionStatus.HALTED,
                VersionStatus.REAPPROVAL_REQUIRED),
                List.of(DeploymentRequestStatus.IN_REVIEW, DeploymentRequestStatus.HALTED));
    }

    @Transactional(readOnly = true)
    public List<GateEvent> eventsOf(Long requestId) {
        return events.findByRequestIdOrderByOccurredAt(requestId);
    }

    /**
     * The pipeline check: may this version ship right now? Only when it is APPROVED and its system has no
     * unresolved high-severity risk at this moment; otherwise every blocking reason is listed.
     */
    @Transactional(readOnly = true)
    public DeploymentDecision decide(Long systemId, String versionLabel) {
        ModelVersion version = inventory.requireVersion(systemId, versionLabel);
        AiSystem system = inventory.requireSystem(systemId);
        List<String> reasons = new ArrayList<>();
        if (system.getEuAiActTier() == EuAiActTier.UNACCEPTABLE) {
            reasons.add("The system is classified as an EU AI Act prohibited practice (tier UNACCEPTABLE).");
        }
        if (version.getStatus() != VersionStatus.APPROVED) {
            reasons.add("Version '" + versionLabel + "' is " + version.getStatus() + ", not APPROVED.");
        }
        DeploymentApproval latest = approvals.latest(version.getId()).orElse(null);
        if (latest != null && latest.getStatus() == ApprovalStatus.INVALIDATED
                && version.getStatus() != VersionStatus.APPROVED) {
            reasons.add("The approval of " + latest.getApprovedAt() + " (state " + latest.getStateDigest()
                    + ") was invalidated on " + latest.getInvalidatedAt() + " by a material change: "
                    + latest.getInvalidationReason() + " A re-approval is required.");
        }
        for (DeploymentBlocker blocker : blockers) {
            reasons.addAll(blocker.blockingReasons(version.getId()));
        }
        reasons.addAll(requiredEvidence.missing("DEPLOYMENT", EvidenceSubject.ofVersion(systemId, version.getId())));
        RiskAssessment assessment = riskAssessment.assess(systemId);
        reasons.addAll(assessment.reasons());
        DeploymentRequest approval = requests.findFirstByVersionIdAndStatusOrderByDecidedAtDesc(version.getId(),
                DeploymentRequestStatus.APPROVED).orElse(null);
        return new DeploymentDecision(systemId, versionLabel, version.getArtifactSha256(), version.getStatus(),
                reasons.isEmpty(), List.copyOf(reasons), approval == null ? null : approval.getId(),
                approval == null ? null : approval.getDecidedBy(), approval == null ? null : approval.getDecidedAt(),
                assessment.assessedAt(), latest != null && latest.getStatus() == ApprovalStatus.CURRENT
                        ? latest.getStateDigest() : null);
    }
}
