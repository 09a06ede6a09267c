package io.aimsgate.operation;

import io.aimsgate.shared.Actors;
import io.aimsgate.shared.Commands;
import io.aimsgate.gate.DeploymentBlocker;
import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleDecisions;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A system in operation: the outcome of its re-evaluations (continue, suspend, retire) and its retirement plan.
 * The only code that suspends a whole system or retires it.
 */
@Service
@Transactional
public class OperationService {

    private final LifecycleGateService gates;
    private final InventoryService inventory;
    private final List<DeploymentBlocker> blockers;
    private final ReevaluationAssessmentRepository assessments;
    private final RetirementPlanRepository plans;
    private final org.camunda.bpm.engine.RuntimeService runtimeService;
    private final io.aimsgate.shared.EngineSystemCalls engine;
    private final Clock clock;

    OperationService(LifecycleGateService gates, InventoryService inventory, List<DeploymentBlocker> blockers,
            ReevaluationAssessmentRepository assessments, RetirementPlanRepository plans,
            org.camunda.bpm.engine.RuntimeService runtimeService, io.aimsgate.shared.EngineSystemCalls engine,
            Clock clock) {
        this.runtimeService = runtimeService;
        this.engine = engine;
        this.gates = gates;
        this.inventory = inventory;
        this.blockers = List.copyOf(blockers);
        this.assessments = assessments;
        this.plans = plans;
        this.clock = clock;
    }

    /** Stores the findings a re-evaluation's outcome was decided on, once per run, after their rules. */
    public void recordAssessment(Long gateId, ReevaluationFindings findings, String assessedBy) {
        Commands.validate(findings);
        if (!assessments.existsById(gateId)) {
            assessments.save(new ReevaluationAssessment(gateId, findings.findings(), findings.recommendation().name(),
                    assessedBy, clock.instant()));
        }
    }

    /**
     * Continue: the re-evaluation passes and the system is back in operation. Versions this system's previous
     * re-evaluation suspended are released again, unless something else (an open incident) still blocks them.
     */
    public void continueOperation(Long gateId, String informedActivity) {
        LifecycleGate gate = gates.require(gateId);
        boolean suspendedByReevaluation = gates.historyOf(gate.getSystemId()).stream()
                .filter(g -> g.getGate() == LifecycleGateKind.RE_EVALUATION && !g.getId().equals(gateId)
                        && g.getDecidedAt() != null)
                .reduce((first, second) -> second)
                .map(last -> last.getStatus() == LifecycleGateStatus.SUSPENDED).orElse(false);
        if (suspendedByReevaluation) {
            for (ModelVersion version : inventory.versionsOf(gate.getSystemId(), List.of(VersionStatus.SUSPENDED))) {
                boolean stillBlocked = blockers.stream().anyMatch(b -> !b.blockingReasons(version.getId()).isEmpty());
                if (!stillBlocked) {
                    inventory.liftSuspension(version.getId());
                }
            }
        }
        gates.pass(gateId, informedActivity);
    }

    /** Suspend: every released or in-flight version is SUSPENDED, so the pipeline check refuses them (409). */
    public void suspend(Long gateId, String informedActivity) {
        LifecycleGate gate = gates.require(gateId);
        LifecycleDecision decision = gates.lastAccountableDecision(gateId);
        inventory.suspendSystem(gate.getSystemId());
        gates.end(gateId, LifecycleGateStatus.SUSPENDED, decision.getDecidedBy(), decision.getRationale(),
                informedActivity);
    }

    /** Retire was decided: this run ends, and the retirement gate takes over. */
    public LifecycleGate requestRetirement(Long gateId, String informedActivity) {
        LifecycleDecision decision = gates.lastAccountableDecision(gateId);
        return gates.end(gateId, LifecycleGateStatus.RETIREMENT_REQUESTED, decision.getDecidedBy(),
                decision.getRationale(), informedActivity);
    }

    /** Stores the retirement plan once per gate run, after its rules ({@link PlannedRetirement}). */
    public RetirementPlan recordPlan(Long gateId, PlannedRetirement plan, String plannedBy) {
        Commands.validate(plan);
        return plans.findById(gateId).orElseGet(() -> plans.save(new RetirementPlan(gateId, plan.retirementReason(),
                plan.replacedBy(), plan.dataRetentionPlan(), plan.deletionPlan(), plan.dependentSystems(), plannedBy,
                clock.instant())));
    }

    /** The approved retirement: every version RETIRED (the pipeline check refuses them), the system RETIREMENT. */
    public void retire(Long gateId, String informedActivity) {
        LifecycleGate gate = gates.require(gateId);
        inventory.retireSystem(gate.getSystemId());
        gates.pass(gateId, informedActivity);
        endWatch(gate.getSystemId(), "System retired (retirement gate run " + gateId + ")");
    }

    /** A retired system is re-evaluated no more: its waiting re-evaluation ends, with the reason kept in history. */
    private void endWatch(Long systemId, String reason) {
        engine.withoutUserAuthorization(() -> {
            runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(LifecycleGateKind.RE_EVALUATION.processKey())
                    .variableValueEquals(LifecycleDecisions.SYSTEM_ID, systemId).list()
                    .forEach(watch -> {
                        // A re-evaluation still deciding ends with the retirement as its recorded outcome first: a
                        // gate run never ends without one (GovernedProcessGuard refuses that).
                        gates.openRunOf(watch.getId()).ifPresent(open -> gates.end(open.getId(),
                                LifecycleGateStatus.WITHDRAWN, Actors.PLATFORM, reason, "reevaluation-decision"));
                        runtimeService.deleteProcessInstance(watch.getId(), reason);
                    });
            return null;
        });
    }

    @Transactional(readOnly = true)
    public Optional<RetirementPlan> planOf(Long gateId) {
        return plans.findById(gateId);
    }

    @Transactional(readOnly = true)
    public Optional<ReevaluationAssessment> assessmentOf(Long gateId) {
        return assessments.findById(gateId);
    }

}

interface ReevaluationAssessmentRepository extends JpaRepository<ReevaluationAssessment, Long> {
}

interface RetirementPlanRepository extends JpaRepository<RetirementPlan, Long> {
}
