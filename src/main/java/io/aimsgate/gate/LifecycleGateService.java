package io.aimsgate.gate;

import io.aimsgate.evidence.EvidenceSubject;
import io.aimsgate.evidence.RequiredEvidence;
import io.aimsgate.shared.Actors;
import io.aimsgate.gate.DeploymentPrerequisite;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.raci.InformedParties;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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
    private static final Map<LifecycleGateKind, Set<LifecycleGateKind>> ENTRY = Map.of(
            LifecycleGateKind.INCEPTION, EnumSet.noneOf(LifecycleGateKind.class),
            LifecycleGateKind.DESIGN_AND_DEVELOPMENT, EnumSet.of(LifecycleGateKind.INCEPTION),
            LifecycleGateKind.VERIFICATION_AND_VALIDATION, EnumSet.of(LifecycleGateKind.DESIGN_AND_DEVELOPMENT),
            LifecycleGateKind.RE_EVALUATION, EnumSet.of(LifecycleGateKind.VERIFICATION_AND_VALIDATION),
            LifecycleGateKind.RETIREMENT, EnumSet.noneOf(LifecycleGateKind.class));

    /** What the deployment gate requires (issue: inception, design & development and V&V passed). */
    static final List<LifecycleGateKind> BEFORE_DEPLOYMENT = List.of(LifecycleGateKind.INCEPTION,
            LifecycleGateKind.DESIGN_AND_DEVELOPMENT, LifecycleGateKind.VERIFICATION_AND_VALIDATION);

    /** Where a passed gate leaves the system: the stage it now works in. */
    private static final Map<LifecycleGateKind, LifecycleStage> STAGE_AFTER = Map.of(
            LifecycleGateKind.INCEPTION, LifecycleStage.DESIGN_AND_DEVELOPMENT,
            LifecycleGateKind.DESIGN_AND_DEVELOPMENT, LifecycleStage.VERIFICATION_AND_VALIDATION,
            LifecycleGateKind.VERIFICATION_AND_VALIDATION, LifecycleStage.DEPLOYMENT,
            LifecycleGateKind.RE_EVALUATION, LifecycleStage.OPERATION_AND_MONITORING,
            LifecycleGateKind.RETIREMENT, LifecycleStage.RETIREMENT);

    private final LifecycleGateRepository gates;
    private final LifecycleDecisionRepository decisions;
    private final InventoryService inventory;
    private final InformedParties informed;
    private final RequiredEvidence requiredEvidence;
    private final Clock clock;

    LifecycleGateService(LifecycleGateRepository gates, LifecycleDecisionRepository decisions,
            InventoryService inventory, InformedParties informed, RequiredEvidence requiredEvidence, Clock clock) {
        this.requiredEvidence = requiredEvidence;
        this.gates = gates;
        this.decisions = decisions;
        this.inventory = inventory;
        this.informed = informed;
        this.clock = clock;
    }

    /**
     * Opens a run of the gate for the system, or returns the one this process instance already has open (a retried
     * service task). Refuses (409, with every reason) a system that may not enter the gate now.
     */
    public LifecycleGate open(String processInstanceId, LifecycleGateKind kind, Long systemId, String startedBy,
            String triggerKind, String triggerDetail) {
        Optional<LifecycleGate> open = gates.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId,
                LifecycleGateStatus.IN_PROGRESS);
        if (open.isPresent()) {
            return open.get();
        }
        List<String> reasons = entryBlockers(systemId, kind);
        gates.findBySystemIdAndGateAndStatus(systemId, kind, LifecycleGateStatus.IN_PROGRESS).stream()
                .filter(running -> !running.getProcessInstanceId().equals(processInstanceId))
                .forEach(running -> reasons.add("A " + label(kind) + " gate is already in progress for this system "
                        + "(started by " + running.getStartedBy() + " at " + running.getStartedAt() + ")."));
        if (!reasons.isEmpty()) {
            throw new ConflictException("systemId", "AI system " + systemId + " cannot enter the " + label(kind)
                    + " gate now.", reasons);
        }
        if (kind == LifecycleGateKind.RE_EVALUATION) {
            inventory.moveToStage(systemId, LifecycleStage.RE_EVALUATION);
        }
        return gates.save(new LifecycleGate(systemId, kind, processInstanceId, startedBy, triggerKind,
                truncate(triggerDetail, 4000), clock.instant()));
    }

    /** Why the system may not enter the gate (retired, or an earlier gate not passed); empty when it may. */
    @Transactional(readOnly = true)
    public List<String> entryBlockers(Long systemId, LifecycleGateKind kind) {
        AiSystem system = inventory.requireSystem(systemId);
        List<String> reasons = new ArrayList<>();
        if (system.getLifecycleStage() == LifecycleStage.RETIREMENT) {
            reasons.add("The system is retired; a retired system enters no gate.");
        }
        Set<LifecycleGateKind> passed = passedGates(systemId);
        for (LifecycleGateKind needed : ENTRY.get(kind)) {
            if (!passed.contains(needed)) {
                reasons.add("The " + label(needed) + " gate has not been passed.");
            }
        }
        return reasons;
    }

    /** The deployment gate's prerequisite: inception, design & development and V&V passed. */
    @Override
    @Transactional(readOnly = true)
    public List<String> unmetFor(Long systemId) {
        Set<LifecycleGateKind> passed = passedGates(systemId);
        return BEFORE_DEPLOYMENT.stream().filter(kind -> !passed.contains(kind))
                .map(kind -> "The system has not passed the " + label(kind) + " gate.").toList();
    }

    @Transactional(readOnly = true)
    public Set<LifecycleGateKind> passedGates(Long systemId) {
        Set<LifecycleGateKind> passed = EnumSet.noneOf(LifecycleGateKind.class);
        passed.addAll(gates.passedGates(systemId));
        return passed;
    }

    @Transactional(readOnly = true)
    public boolean isInProgress(Long systemId, LifecycleGateKind kind) {
        return gates.existsBySystemIdAndGateAndStatus(systemId, kind, LifecycleGateStatus.IN_PROGRESS);
    }

    @Transactional(readOnly = true)
    public LifecycleGate require(Long gateId) {
        return gates.findById(gateId)
                .orElseThrow(() -> new NotFoundException("gateId", "No life-cycle gate run " + gateId + "."));
    }

    /** The open gate run of a process instance; a task of a closed or unknown run has nothing to decide. */
    @Transactional(readOnly = true)
    public LifecycleGate requireOpen(String processInstanceId) {
        return gates.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId,
                LifecycleGateStatus.IN_PROGRESS).orElseThrow(() -> new NotFoundException("processInstanceId",
                        "No open life-cycle gate for process instance " + processInstanceId + "."));
    }

    /** The open gate run of a process instance, if it has one. */
    @Transactional(readOnly = true)
    public Optional<LifecycleGate> openRunOf(String processInstanceId) {
        return gates.findFirstByProcessInstanceIdAndStatusOrderByIdDesc(processInstanceId,
                LifecycleGateStatus.IN_PROGRESS);
    }

    @Transactional(readOnly = true)
    public List<LifecycleGate> historyOf(Long systemId) {
        return gates.findBySystemIdOrderByStartedAtAscIdAsc(systemId);
    }

    /** Records a task's decision once (listeners may run again on a retried transaction). */
    public void recordDecision(Long gateId, String taskId, String taskKey, String activity, RaciRole role,
            String decision, String rationale, String decidedBy) {
        if (!decisions.existsByTaskId(taskId)) {
            decisions.save(new LifecycleDecision(gateId, taskId, taskKey, activity, role, decision,
                    truncate(rationale, 4000), decidedBy, clock.instant()));
        }
    }

    @Transactional(readOnly = true)
    public List<LifecycleDecision> decisionsOf(Long gateId) {
        return decisions.findByGateIdOrderByDecidedAtAscIdAsc(gateId);
    }

    /**
     * Who may not decide in this gate run: whoever started it and whoever did its work (an impact assessment, a
     * plan): nobody approves their own request or their own work.
     */
    @Transactional(readOnly = true)
    public Set<String> excludedDeciders(Long gateId) {
        LifecycleGate gate = require(gateId);
        Set<String> excluded = decisionsOf(gateId).stream().filter(d -> LifecycleDecisions.SUBMIT.equals(d.getDecision()))
                .map(LifecycleDecision::getDecidedBy).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (gate.getStartedBy() != null && !Actors.PLATFORM.equals(gate.getStartedBy())) {
            excluded.add(gate.getStartedBy());
        }
        return excluded;
    }

    /** Passes the gate in the name of its last Accountable decider, moves the system on and tells the Informed. */
    public LifecycleGate pass(Long gateId, String informedActivity) {
        LifecycleGate gate = require(gateId);
        // The gate's required evidence (evidence.RequiredEvidence): missing or expired, the pass is refused (409) and
        // the approval that led here is not completed.
        List<String> missing = requiredEvidence.missing(gate.getGate().name(),
                EvidenceSubject.ofGateRun(gate.getSystemId(), gate.getId()));
        if (!missing.isEmpty()) {
            throw new ConflictException("evidence", "The " + label(gate.getGate()) + " gate cannot pass without its "
                    + "required evidence.", missing);
        }
        LifecycleDecision accountable = lastAccountableDecision(gateId);
        close(gate, LifecycleGateStatus.PASSED, accountable.getDecidedBy(), accountable.getRationale());
        if (gate.getGate() == LifecycleGateKind.RE_EVALUATION || gate.getGate() == LifecycleGateKind.RETIREMENT) {
            inventory.moveToStage(gate.getSystemId(), STAGE_AFTER.get(gate.getGate()));
        } else {
            inventory.advanceToStage(gate.getSystemId(), STAGE_AFTER.get(gate.getGate()));
        }
        tell(gate, informedActivity, "passed");
        return gate;
    }

    /** Ends the gate otherwise than passed (rejected, withdrawn, suspended, retirement requested). */
    public LifecycleGate end(Long gateId, LifecycleGateStatus status, String decidedBy, String outcome,
            String informedActivity) {
        LifecycleGate gate = require(gateId);
        close(gate, status, decidedBy, outcome);
        tell(gate, informedActivity, status.name().toLowerCase().replace('_', ' '));
        return gate;
    }

    /** The last Accountable decision of the gate run: the one a pass, suspension or retirement is recorded under. */
    @Transactional(readOnly = true)
    public LifecycleDecision lastAccountableDecision(Long gateId) {
        List<LifecycleDecision> accountable = decisionsOf(gateId).stream()
                .filter(d -> d.getRaciRole() == RaciRole.ACCOUNTABLE).toList();
        if (accountable.isEmpty()) {
            throw new IllegalStateException("Gate run " + gateId + " has no Accountable decision to record");
        }
        return accountable.get(accountable.size() - 1);
    }

    /** The last decision of the run that rejected or withdrew it, if any. */
    @Transactional(readOnly = true)
    public Optional<LifecycleDecision> lastDecisionOf(Long gateId, Set<String> decisionValues) {
        List<LifecycleDecision> matching = decisionsOf(gateId).stream()
                .filter(d -> decisionValues.contains(d.getDecision())).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    private void close(LifecycleGate gate, LifecycleGateStatus status, String decidedBy, String outcome) {
        if (gate.getStatus() != LifecycleGateStatus.IN_PROGRESS) {
            throw new ConflictException("gateId", "The " + label(gate.getGate()) + " gate run " + gate.getId()
                    + " is already " + gate.getStatus() + ".");
        }
        gate.close(status, decidedBy, truncate(outcome, 4000), clock.instant());
    }

    private void tell(LifecycleGate gate, String activity, String outcome) {
        AiSystem system = inventory.requireSystem(gate.getSystemId());
        informed.tell(activity, label(gate.getGate()) + " gate " + outcome + ": " + system.getName(),
                "The " + label(gate.getGate()) + " gate of AI system " + system.getName() + " (id " + system.getId()
                        + ") was " + outcome + ".\nDecided by: " + gate.getDecidedBy() + "\nReason: "
                        + gate.getOutcome() + "\nGate run: " + gate.getId() + ", started by " + gate.getStartedBy()
                        + " at " + gate.getStartedAt() + ".");
    }

    static String label(LifecycleGateKind kind) {
        return switch (kind) {
            case INCEPTION -> "inception";
            case DESIGN_AND_DEVELOPMENT -> "design & development";
            case VERIFICATION_AND_VALIDATION -> "verification & validation";
            case RE_EVALUATION -> "re-evaluation";
            case RETIREMENT -> "retirement";
        };
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }
}
