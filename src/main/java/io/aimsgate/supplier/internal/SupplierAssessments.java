package io.aimsgate.supplier.internal;

import io.aimsgate.gate.DeploymentPrerequisite;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.Commands;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier vetting (ISO/IEC 42001 A.10.3) in our tables: the due diligence of each supplier-assessment gate run, until
 * when a passed one is current, and the deployment gate's prerequisite that a third-party system has a current passed
 * assessment. The runs themselves are gate runs of kind {@link GateKind#SUPPLIER_ASSESSMENT}, opened and closed by the
 * gate framework like every other gate's.
 */
@Service
@Transactional
class SupplierAssessments implements DeploymentPrerequisite {

    static final String REASSESSMENT = "REASSESSMENT";

    private final SupplierAssessmentRepository assessments;
    private final LifecycleGateService gates;
    private final InventoryService inventory;
    private final SupplierProperties properties;
    private final Clock clock;

    SupplierAssessments(SupplierAssessmentRepository assessments, LifecycleGateService gates,
            InventoryService inventory, SupplierProperties properties, Clock clock) {
        this.assessments = assessments;
        this.gates = gates;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where a system's supplier vetting stands: whether it needs one, whether one is current, and why not. */
    record Standing(boolean required, boolean current, Instant currentUntil, List<String> unmet) {
    }

    /** Stores the run's due diligence once (a retried step finds it stored); refuses answers breaking the form's rules. */
    SupplierAssessment record(Long gateRunId, DueDiligence answers, String assessedBy) {
        Commands.validate(answers);
        return assessments.findById(gateRunId).orElseGet(() -> {
            GateRun run = gates.require(gateRunId);
            AiSystem system = inventory.requireSystem(run.getSystemId());
            return assessments.save(new SupplierAssessment(gateRunId, system.getId(), system.getSupplierName(), answers,
                    assessedBy, clock.instant()));
        });
    }

    /** Passes the run (the gate framework: recorded decision, ledger, Informed) and makes it current for the interval. */
    GateRun pass(Long gateRunId, String informedActivity) {
        SupplierAssessment assessment = assessments.findById(gateRunId).orElseThrow(() -> new IllegalStateException(
                "Supplier assessment run " + gateRunId + " has no due diligence recorded"));
        GateRun run = gates.pass(gateRunId, informedActivity);
        assessment.currentUntil(properties.currentUntil(run.getDecidedAt()));
        return run;
    }

    /** Whether the system's supplier is still to be vetted: a third-party system not retired. */
    @Transactional(readOnly = true)
    boolean needsAssessment(Long systemId) {
        AiSystem system = inventory.requireSystem(systemId);
        return system.getSupplierType() == SupplierType.THIRD_PARTY
                && system.getLifecycleStage() != LifecycleStage.RETIREMENT;
    }

    /** The re-assessment the timer asks for: a new run of the same instance, opened by the platform. */
    GateRun reopen(String processInstanceId, Long systemId) {
        return gates.open(processInstanceId, GateKind.SUPPLIER_ASSESSMENT, systemId, Actors.PLATFORM, REASSESSMENT,
                reassessmentDetail());
    }

    String reassessmentDetail() {
        return "Re-assessment due: " + properties.reassessmentInterval() + " have elapsed since the supplier "
                + "assessment passed.";
    }

    String reassessmentInterval() {
        return properties.reassessmentInterval();
    }

    /** The deployment gate's prerequisite: a third-party system needs a current passed supplier assessment. */
    @Override
    @Transactional(readOnly = true)
    public List<String> unmetFor(Long systemId) {
        return standing(inventory.requireSystem(systemId)).unmet();
    }

    @Transactional(readOnly = true)
    Standing standing(AiSystem system) {
        if (system.getSupplierType() != SupplierType.THIRD_PARTY) {
            return new Standing(false, false, null, List.of());
        }
        String supplier = system.getSupplierName() == null ? "a third party" : system.getSupplierName();
        List<GateRun> runs = runsOf(system.getId());
        boolean inProgress = runs.stream().anyMatch(GateRun::isOpen);
        String pending = inProgress ? " An assessment is in progress." : "";
        Optional<GateRun> latest = runs.stream().filter(run -> !run.isOpen())
                .max(Comparator.comparing(GateRun::getDecidedAt).thenComparing(GateRun::getId));
        if (latest.isEmpty()) {
            return new Standing(true, false, null, List.of("The system is supplied by " + supplier + " and its supplier "
                    + "has not been assessed (A.10.3): a third-party system needs a current passed supplier "
                    + "assessment." + pending));
        }
        GateRun run = latest.get();
        if (run.getStatus() != GateRunStatus.PASSED) {
            return new Standing(true, false, null, List.of("The latest supplier assessment of " + supplier
                    + " (gate run " + run.getId() + ") ended " + run.getStatus() + " on " + run.getDecidedAt()
                    + ": a third-party system needs a current passed supplier assessment (A.10.3)." + pending));
        }
        Instant until = assessments.findById(run.getId()).map(SupplierAssessment::getValidUntil).orElse(null);
        if (until == null || !until.isAfter(clock.instant())) {
            return new Standing(true, false, until, List.of("The supplier assessment of " + supplier + " (gate run "
                    + run.getId() + ") was current until " + until + ": the supplier must be re-assessed (A.10.3)."
                    + pending));
        }
        return new Standing(true, true, until, List.of());
    }

    /** The system's supplier-assessment runs, oldest first. */
    @Transactional(readOnly = true)
    List<GateRun> runsOf(Long systemId) {
        return gates.historyOf(systemId).stream().filter(run -> run.getKind() == GateKind.SUPPLIER_ASSESSMENT)
                .toList();
    }

    @Transactional(readOnly = true)
    Optional<SupplierAssessment> assessmentOf(Long gateRunId) {
        return assessments.findById(gateRunId);
    }
}
