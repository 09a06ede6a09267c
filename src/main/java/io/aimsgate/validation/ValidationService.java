package io.aimsgate.validation;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.Commands;
import io.aimsgate.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validation results and their evaluation against the system's objectives (A.6.2.4). Every breach becomes a risk
 * in the register (stage V&V, severity from the risk DMN), so an unfair model halts at the deployment gate without
 * anyone having to remember it.
 */
@Service
@Transactional
public class ValidationService {

    /** A metric that breached its objective, and the risk it put in the register. */
    public record Breach(String metric, String protectedAttribute, double value, MetricBound bound, double threshold,
            Long riskId) {

        String describe() {
            return metric + (protectedAttribute == null ? "" : " [" + protectedAttribute + "]") + " = " + value
                    + (bound == MetricBound.MIN ? " < " : " >= ") + threshold + " (risk " + riskId + ")";
        }
    }

    private final ValidationRunRepository runs;
    private final Objectives objectives;
    private final RiskService risks;
    private final InventoryService inventory;
    private final Clock clock;

    ValidationService(ValidationRunRepository runs, Objectives objectives, RiskService risks,
            InventoryService inventory, Clock clock) {
        this.runs = runs;
        this.objectives = objectives;
        this.risks = risks;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Stores a validation run. The one place the submission's rules are checked, for the REST API and the V&V gate's
     * start form alike ({@link ValidationSubmission}).
     */
    public ValidationRun submit(Long systemId, ValidationSubmission submission, String actor) {
        Commands.validate(submission);
        inventory.requireVersion(systemId, submission.versionLabel());
        List<ValidationMetric> metrics = submission.metrics().stream().map(m -> new ValidationMetric(m.kind(),
                m.metric(), m.protectedAttribute(), m.value())).toList();
        return runs.save(new ValidationRun(systemId, submission.versionLabel(), submission.robustnessNotes(),
                submission.explainabilityNotes(), submission.modelCard().toRecord(), metrics, actor, clock.instant()));
    }

    /** Links a run to the gate that evaluates it; a run of another system is refused. */
    public ValidationRun attach(Long validationId, Long systemId, Long gateId) {
        ValidationRun run = require(systemId, validationId);
        run.attachTo(gateId);
        return run;
    }

    /** Compares every metric with the objective in force; each breach registers a risk, once per metric. */
    public List<Breach> evaluate(Long validationId, String actor) {
        ValidationRun run = runs.findById(validationId).orElseThrow(() -> new NotFoundException("validationId",
                "No validation run " + validationId + "."));
        Map<String, Objectives.InForce> inForce = objectives.inForce(run.getSystemId());
        List<Breach> breaches = new ArrayList<>();
        for (ValidationMetric metric : run.getMetrics()) {
            Objectives.InForce objective = inForce.get(metric.getMetric());
            if (objective == null || !objective.breachedBy(metric.getValue())) {
                continue;
            }
            Long riskId = metric.getRiskId();
            if (!metric.isBreached()) {
                Risk risk = risks.record(run.getSystemId(), riskFor(run, metric, objective), actor);
                riskId = risk.getId();
                metric.breached(riskId);
            }
            breaches.add(new Breach(metric.getMetric(), metric.getProtectedAttribute(), metric.getValue(),
                    objective.bound(), objective.threshold(), riskId));
        }
        run.evaluated(breaches.size());
        return breaches;
    }

    public static String summary(List<Breach> breaches) {
        return breaches.isEmpty() ? "No metric breaches its objective."
                : String.join("\n", breaches.stream().map(Breach::describe).toList());
    }

    /**
     * A breach observed in validation is likely (4); its impact follows what it harms: people's fair treatment (4),
     * robustness (3), performance (3 when it misses by more than a tenth of the threshold, else 2). With the default
     * matrix fairness and clear performance breaches rate HIGH and halt the deployment gate until treated.
     */
    static RiskDetails riskFor(ValidationRun run, ValidationMetric metric, Objectives.InForce objective) {
        double shortfall = Math.abs(metric.getValue() - objective.threshold())
                / Math.max(Math.abs(objective.threshold()), 1e-9);
        int impact = switch (metric.getKind()) {
            case FAIRNESS -> 4;
            case ROBUSTNESS, DRIFT -> 3;
            case PERFORMANCE -> shortfall > 0.1 ? 3 : 2;
        };
        // The register rates every risk per STRIDE category: adversarial weakness is tampering with outcomes; an
        // unfair, inaccurate or drifting model makes decisions the organisation cannot stand behind (repudiation).
        StrideCategory category = metric.getKind() == MetricKind.ROBUSTNESS ? StrideCategory.TAMPERING
                : StrideCategory.REPUDIATION;
        String subject = metric.getMetric() + (metric.getProtectedAttribute() == null ? ""
                : " for " + metric.getProtectedAttribute());
        String title = "Validation of " + run.getVersionLabel() + ": " + subject + " misses its objective";
        String description = String.format(Locale.ROOT, "%s %s measured %.4f in validation run %d of version %s; the "
                + "objective is %s %.4f. Registered automatically by the verification & validation gate (A.6.2.4).",
                metric.getKind().name().toLowerCase(Locale.ROOT), subject, metric.getValue(), run.getId(),
                run.getVersionLabel(), objective.bound() == MetricBound.MIN ? "at least" : "below",
                objective.threshold());
        return new RiskDetails(LifecycleStage.VERIFICATION_AND_VALIDATION, category,
                title.length() > 200 ? title.substring(0, 200) : title, description, 4, impact, null, null, null, null,
                null);
    }

    @Transactional(readOnly = true)
    public ValidationRun require(Long systemId, Long validationId) {
        return runs.findById(validationId).filter(run -> run.getSystemId().equals(systemId))
                .orElseThrow(() -> new NotFoundException("validationId", "No validation run " + validationId
                        + " for AI system " + systemId + "."));
    }

    @Transactional(readOnly = true)
    public List<ValidationRun> runsOf(Long systemId) {
        inventory.requireSystem(systemId);
        return runs.findBySystemIdOrderBySubmittedAtDesc(systemId);
    }
}

interface ValidationRunRepository extends JpaRepository<ValidationRun, Long> {

    List<ValidationRun> findBySystemIdOrderBySubmittedAtDesc(Long systemId);
}
