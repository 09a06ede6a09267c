package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceRevision;
import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.risk.RegisterStanding;
import io.aimsgate.risk.RiskAssessmentService;
import io.aimsgate.risk.RiskStanding;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the state a deployment approval is bound to ({@link ApprovalState}) from the registers as they are now: the
 * version's artefact digest, the system's HIGH and CRITICAL risks under the risk appetite in force, the current
 * revisions of the deployment gate's required evidence, the deployed risk-severity decision that rated the risks
 * and, for an approval, the run's approvers.
 */
@Component
@Transactional(readOnly = true)
class ApprovalStates {

    private final InventoryService inventory;
    private final RiskAssessmentService risks;
    private final RequiredEvidence requiredEvidence;
    private final RepositoryService repository;
    private final PlatformEngineAccess engine;
    private final GateDecisions decisions;

    ApprovalStates(InventoryService inventory, RiskAssessmentService risks, RequiredEvidence requiredEvidence,
            RepositoryService repository, PlatformEngineAccess engine, GateDecisions decisions) {
        this.inventory = inventory;
        this.risks = risks;
        this.requiredEvidence = requiredEvidence;
        this.repository = repository;
        this.engine = engine;
        this.decisions = decisions;
    }

    /** The version's state now, without approvers. */
    ApprovalState current(Long versionId) {
        ModelVersion version = inventory.requireVersion(versionId);
        RegisterStanding standing = risks.standing(version.getSystemId());
        List<ApprovalState.RiskEntry> severe = standing.severeRisks().stream().map(ApprovalStates::entry).toList();
        List<ApprovalState.EvidenceEntry> evidence = requiredEvidence.currentRequired(GateKind.DEPLOYMENT.name(),
                EvidenceSubject.ofVersion(version.getSystemId(), version.getId())).stream()
                .map(ApprovalStates::entry).toList();
        return new ApprovalState(version.getSystemId(), version.getId(), version.getVersionLabel(),
                version.getArtifactSha256(), severe, evidence, decisionsApplied(standing), List.of());
    }

    /** The version's state now, with the approvers of the run that approves it. */
    ApprovalState approvedIn(Long versionId, Long gateRunId) {
        return current(versionId).withApprovers(approversOf(gateRunId));
    }

    /** Every APPROVE of the run, in the order they were given, with the RACI role each was given in. */
    List<ApprovalState.Approver> approversOf(Long gateRunId) {
        return decisions.decisionsOf(gateRunId).stream().filter(d -> GateDecisions.APPROVE.equals(d.getDecision()))
                .map(d -> new ApprovalState.Approver(d.getDecidedBy(), d.getRaciRole() == null ? null
                        : d.getRaciRole().name(), d.getRaciActivity(), d.getTaskKey()))
                .toList();
    }

    /** The deployed decisions the gate applied: the risk-severity version that rated the register. */
    private List<ApprovalState.DecisionEntry> decisionsApplied(RegisterStanding standing) {
        DecisionDefinition severity = engine.withoutUserAuthorization(
                () -> repository.getDecisionDefinition(standing.severityDecisionId()));
        return List.of(new ApprovalState.DecisionEntry(severity.getKey(), severity.getVersion(), severity.getId()));
    }

    private static ApprovalState.RiskEntry entry(RiskStanding risk) {
        return new ApprovalState.RiskEntry(risk.riskId(), risk.title(), risk.severity().name(), risk.status().name(),
                risk.acceptedByBoard(), risk.acceptedBy(), time(risk.acceptedAt()),
                risk.acceptanceExpiresOn() == null ? null : risk.acceptanceExpiresOn().toString());
    }

    private static ApprovalState.EvidenceEntry entry(EvidenceRevision revision) {
        return new ApprovalState.EvidenceEntry(revision.kind(), revision.fileId(), revision.fileName(),
                revision.revision(), revision.sha256(), revision.expiresOn() == null ? null
                        : revision.expiresOn().toString());
    }

    /** Microseconds at most: what both databases keep, so a time reads back as it was hashed. */
    static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
