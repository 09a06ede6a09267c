package io.aimsgate.validation.internal;

import io.aimsgate.validation.ValidationSubmission;

import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.gate.LifecycleDecisions;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import io.aimsgate.validation.MetricBound;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.validation.Objectives;
import io.aimsgate.validation.ValidationMetric;
import io.aimsgate.validation.ValidationRun;
import io.aimsgate.validation.ValidationService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Validation results and objectives of a system: /api/systems/{id}/validations (a pipeline posts its results and
 * the V&V gate starts on them) and /api/systems/{id}/objectives (the thresholds they are held to).
 */
@RestController
@RequestMapping("/api/systems/{systemId}")
public class ValidationController {

    static final String METRIC_NAME = ValidationSubmission.METRIC_NAME;

    private final ValidationService validations;
    private final Objectives objectives;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;

    ValidationController(ValidationService validations, Objectives objectives, RuntimeService runtimeService,
            CurrentUser currentUser) {
        this.validations = validations;
        this.objectives = objectives;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
    }

    /** Stores the results and starts the V&V gate on them, in one transaction: a refused gate keeps no orphan run. */
    @Operation(summary = "Submit validation results",
            description = "Stores the V&V results of a version (A.6.2.4: metrics, robustness and explainability notes, model card) and starts the V&V gate on them, in one transaction.")
    @PostMapping("/validations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('ml-engineers')")
    @Transactional
    ValidationView submit(@PathVariable Long systemId, @RequestBody ValidationSubmission submission) {
        ValidationRun run = validations.submit(systemId, submission, currentUser.id());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(LifecycleGateKind.VERIFICATION_AND_VALIDATION
                .processKey(), Variables.createVariables().putValue(LifecycleDecisions.SYSTEM_ID, systemId)
                .putValue(ValidationVariables.VALIDATION_ID.name(), run.getId()));
        return ValidationView.of(validations.require(systemId, run.getId()), instance.getId());
    }

    @Operation(summary = "List validation runs",
            description = "The system's validation runs with their metrics and the breaches found.")
    @GetMapping("/validations")
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    List<ValidationView> list(@PathVariable Long systemId) {
        return validations.runsOf(systemId).stream().map(run -> ValidationView.of(run, null)).toList();
    }

    @Operation(summary = "Read the objectives in force",
            description = "Per metric, the objective the system is held to: its own, or the default (clause 6.2).")
    @GetMapping("/objectives")
    @PreAuthorize("@access.isParticipant()")
    Map<String, Objectives.InForce> objectives(@PathVariable Long systemId) {
        return objectives.inForce(systemId);
    }

    /** The Accountable owner sets the system's own objective for a metric (clause 6.2). */
    @Operation(summary = "Set a system's objective for a metric",
            description = "The Accountable owner sets the system's own objective for a metric (clause 6.2): kind, bound (MIN or MAX) and threshold.")
    @PutMapping("/objectives/{metric}")
    @PreAuthorize("hasAnyAuthority('ai-product-owners', 'governance-board')")
    Objectives.InForce setObjective(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = METRIC_NAME) String metric, @Valid @RequestBody ObjectiveFields fields) {
        return objectives.set(systemId, metric, fields.kind(), fields.bound(), fields.threshold(), currentUser.id());
    }

    record ObjectiveFields(@NotNull(message = "is required") MetricKind kind,
            @NotNull(message = "is required") MetricBound bound,
            @NotNull(message = "is required") @DecimalMin("-1000000") @DecimalMax("1000000") Double threshold) {
    }

    record MetricView(MetricKind kind, String metric, String protectedAttribute, double value, boolean breached,
            Long riskId) {
    }

    record ValidationView(Long id, Long systemId, Long gateId, String processInstanceId, String versionLabel,
            List<MetricView> metrics, String robustnessNotes, String explainabilityNotes,
            ValidationRun.ModelCard modelCard, Integer breachCount, String submittedBy, Instant submittedAt) {

        static ValidationView of(ValidationRun run, String processInstanceId) {
            return new ValidationView(run.getId(), run.getSystemId(), run.getGateId(), processInstanceId,
                    run.getVersionLabel(), run.getMetrics().stream().map(m -> new MetricView(m.getKind(),
                            m.getMetric(), m.getProtectedAttribute(), m.getValue(), m.isBreached(), m.getRiskId()))
                            .toList(), run.getRobustnessNotes(), run.getExplainabilityNotes(), run.getModelCard(),
                    run.getBreachCount(), run.getSubmittedBy(), run.getSubmittedAt());
        }
    }
}
