package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.gate.DeploymentPrerequisite;
import io.aimsgate.gate.GateDecision;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.shared.ConflictException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life-cycle gates' state in our tables: which gate a system has passed, which one is running, and the
 * decisions taken in it. The delegates of every life-cycle BPMN call this service inside the engine's
 * transaction; it is the only code that opens and closes a gate run.
 */
@Service
@Transactional
public class LifecycleGateService implements DeploymentPrerequisite {

    /** The gates a system must have passed before it may enter a gate. */
    private static final Map<GateKind, Set<GateKind>> ENTRY = Map.of(
            GateKind.INCEPTION, EnumSet.noneOf(GateKind.class),
            GateKind.DESIGN_AND_DEVELOPMENT, EnumSet.of(GateKind.INCEPTION),
            GateKind.VERIFICATION_AND_VALIDATION, EnumSet.of(GateKind.DESIGN_AND_DEVELOPMENT),
            GateKind.DEPLOYMENT, EnumSet.of(GateKind.INCEPTION, GateKind.DESIGN_AND_DEVELOPMENT,
                    GateKind.VERIFICATION_AND_VALIDATION),
            GateKind.RE_EVALUATION, EnumSet.of(GateKind.VERIFICATION_AND_VALIDATION),
            GateKind.RETIREMENT, EnumSet.noneOf(GateKind.class),
            GateKind.SUPPLIER_ASSESSMENT, EnumSet.noneOf(GateKind.class));

    /** Where a passed gate leaves the system: the stage it now works in (a supplier assessment moves none). */
    private static final Map<GateKind, LifecycleStage> STAGE_AFTER = Map.of(
            GateKind.INCEPTION, LifecycleStage.DESIGN_AND_DEVELOPMENT,
            GateKind.DESIGN_AND_DEVELOPMENT, LifecycleStage.VERIFICATION_AND_VALIDATION,
            GateKind.VERIFICATION_AND_VALIDATION, LifecycleStage.DEPLOYMENT,
            GateKind.RE_EVALUATION, LifecycleStage.OPERATION_AND_MONITORING,
            GateKind.RETIREMENT, LifecycleStage.RETIREMENT);

    private final GateDecisions runs;
    private final InventoryService inventory;
    private final InformedParties informed;
    private final RequiredEvidence requiredEvidence;

    LifecycleGateService(GateDecisions runs, InventoryService inventory, InformedParties informed,
            RequiredEvidence requiredEvidence) {
        this.runs = runs;
        this.requiredEvidence = requiredEvidence;
        this.inventory = inventory;
        this.informed = informed;
    }

    /**
     * Opens a run of the gate for the system, or returns the one this process instance already has open (a retried
     * service task). Refuses (409, with every reason) a system that may not enter the gate now.
     */
    public GateRun open(String processInstanceId, GateKind kind, Long systemId, String startedBy,
            String triggerKind, String triggerDetail) {
        Optional<GateRun> open = runs.openRunOf(processInstanceId);
        if (open.isPresent()) {
            return open.get();
        }
        List<String> reasons = entryBlockers(systemId, kind);
        runs.inProgress(systemId, kind).stream()
                .filter(running -> !running.getProcessInstanceId().equals(processInstanceId))
                .forEach(running -> reasons.add("A " + kind.label() + " gate is already in progress for this system "
                        + "(started by " + running.getStartedBy() + " at " + running.getStartedAt() + ")."));
        if (!reasons.isEmpty()) {
            throw new ConflictException("systemId", "AI system " + systemId + " cannot enter the " + kind.label()
                    + " gate now.", reasons);
        }
        if (kind == GateKind.RE_EVALUATION) {
            inventory.moveToStage(systemId, LifecycleStage.RE_EVALUATION);
        }
        return runs.open(processInstanceId, kind, systemId, startedBy, triggerKind, triggerDetail);
    }

    /** Why the system may not enter the gate (retired, or an earlier gate not passed); empty when it may. */
    @Transactional(readOnly = true)
    public List<String> entryBlockers(Long systemId, GateKind kind) {
        AiSystem system = inventory.requireSystem(systemId);
        List<String> reasons = new ArrayList<>();
        if (system.getLifecycleStage() == LifecycleStage.RETIREMENT) {
            reasons.add("The system is retired; a retired system enters no gate.");
        }
        Set<GateKind> passed = passedGates(systemId);
        for (GateKind needed : ENTRY.getOrDefault(kind, Set.of())) {
            if (!passed.contains(needed)) {
                reasons.add("The " + needed.label() + " gate has not been passed.");
            }
        }
        return reasons;
    }

    /** The deployment gate's prerequisite: inception, design & development and V&V passed. */
    @Override
    @Transactional(readOnly = true)
    public List<String> unmetFor(Long systemId) {
        Set<GateKind> passed = passedGates(systemId);
        return ENTRY.get(GateKind.DEPLOYMENT).stream().filter(kind -> !passed.contains(kind))
                .map(kind -> "The system has not passed the " + kind.label() + " gate.").toList();
    }

    @Transactional(readOnly = true)
    public Set<GateKind> passedGates(Long systemId) {
        return runs.passedKinds(systemId);
    }

    @Transactional(readOnly = true)
    public boolean isInProgress(Long systemId, GateKind kind) {
        return runs.isInProgress(systemId, kind);
    }

    @Transactional(readOnly = true)
    public GateRun require(Long gateId) {
        return runs.require(gateId);
    }

    /** The open gate run of a process instance; a task of a closed or unknown run has nothing to decide. */
    @Transactional(readOnly = true)
    public GateRun requireOpen(String processInstanceId) {
        return runs.requireOpen(processInstanceId);
    }

    /** The open gate run of a process instance, if it has one. */
    @Transactional(readOnly = true)
    public Optional<GateRun> openRunOf(String processInstanceId) {
        return runs.openRunOf(processInstanceId);
    }

    /** Every gate run of the system, of every kind, oldest first. */
    @Transactional(readOnly = true)
    public List<GateRun> historyOf(Long systemId) {
        return runs.historyOf(systemId);
    }

    @Transactional(readOnly = true)
    public List<GateDecision> decisionsOf(Long gateId) {
        return runs.decisionsOf(gateId);
    }

    /** Passes the gate in the name of its last Accountable decider, moves the system on and tells the Informed. */
    public GateRun pass(Long gateId, String informedActivity) {
        GateRun run = runs.require(gateId);
        // The gate's required evidence (evidence.RequiredEvidence): missing or expired, the pass is refused (409) and
        // the approval that led here is not completed.
        List<String> missing = requiredEvidence.missing(run.getKind().name(),
                EvidenceSubject.ofGateRun(run.getSystemId(), run.getId()));
        if (!missing.isEmpty()) {
            throw new ConflictException("evidence", "The " + run.getKind().label() + " gate cannot pass without its "
                    + "required evidence.", missing);
        }
        GateDecision accountable = runs.lastAccountableDecision(gateId);
        GateRun gate = runs.close(gateId, GateRunStatus.PASSED, accountable.getDecidedBy(), accountable.getRationale());
        LifecycleStage after = STAGE_AFTER.get(gate.getKind());
        if (gate.getKind() == GateKind.RE_EVALUATION || gate.getKind() == GateKind.RETIREMENT) {
            inventory.moveToStage(gate.getSystemId(), after);
        } else if (after != null) {
            inventory.advanceToStage(gate.getSystemId(), after);
        }
        tell(gate, informedActivity, "passed");
        return gate;
    }

    /** Ends the gate otherwise than passed (rejected, withdrawn, suspended, retirement requested). */
    public GateRun end(Long gateId, GateRunStatus status, String decidedBy, String outcome,
            String informedActivity) {
        GateRun gate = runs.close(gateId, status, decidedBy, outcome);
        tell(gate, informedActivity, status.name().toLowerCase().replace('_', ' '));
        return gate;
    }

    /** The last Accountable decision of the gate run: the one a pass, suspension or retirement is recorded under. */
    @Transactional(readOnly = true)
    public GateDecision lastAccountableDecision(Long gateId) {
        return runs.lastAccountableDecision(gateId);
    }

    /** The last decision of the run that rejected or withdrew it, if any. */
    @Transactional(readOnly = true)
    public Optional<GateDecision> lastDecisionOf(Long gateId, Set<String> decisionValues) {
        return runs.lastDecisionOf(gateId, decisionValues);
    }

    private void tell(GateRun gate, String activity, String outcome) {
        AiSystem system = inventory.requireSystem(gate.getSystemId());
        String label = gate.getKind().label();
        informed.tell(activity, label + " gate " + outcome + ": " + system.getName(),
                "The " + label + " gate of AI system " + system.getName() + " (id " + system.getId()
                        + ") was " + outcome + ".\nDecided by: " + gate.getDecidedBy() + "\nReason: "
                        + gate.getOutcome() + "\nGate run: " + gate.getId() + ", started by " + gate.getStartedBy()
                        + " at " + gate.getStartedAt() + ".");
    }
}
