package io.aimsgate.operation.internal;

import io.aimsgate.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.operation.MonitoringReading;
import io.aimsgate.operation.MonitoringService;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import io.aimsgate.validation.MetricBound;
import io.aimsgate.validation.ValidationMetric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Production monitoring: /api/systems/{id}/monitoring, and /api/systems/{id}/reevaluations to ask for a
 * re-evaluation now. Monitoring jobs (as ML engineers) post metric readings;
 * a reading past the system's objective sets off a re-evaluation.
 */
@RestController
@RequestMapping("/api/systems/{systemId}")
class MonitoringController {

    private final MonitoringService monitoring;
    private final CurrentUser currentUser;

    MonitoringController(MonitoringService monitoring, CurrentUser currentUser) {
        this.monitoring = monitoring;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Post a production metric reading",
            description = "Records a monitoring reading (clause 9.1); a reading that breaches the system's objective wakes or starts its re-evaluation.")
    @PostMapping("/monitoring")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('ml-engineers', 'ai-product-owners')")
    ReadingView post(@PathVariable Long systemId, @Valid @RequestBody ReadingFields fields) {
        return ReadingView.of(monitoring.record(systemId, fields.metric(), fields.value(), fields.measuredAt(),
                currentUser.id()));
    }

    @Operation(summary = "List monitoring readings",
            description = "The system's latest readings, newest first, with the objective in force and whether each breached it.")
    @GetMapping("/monitoring")
    @PreAuthorize("@access.isParticipant()")
    List<ReadingView> list(@PathVariable Long systemId,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return monitoring.readingsOf(systemId, size).map(ReadingView::of).getContent();
    }

    /** Asks for a re-evaluation now (wakes the system's waiting one or starts one); the reason is recorded. */
    @Operation(summary = "Ask for a re-evaluation now",
            description = "Wakes the system's waiting re-evaluation or starts one; the reason is recorded. 202: the re-evaluation runs as a process.")
    @PostMapping("/reevaluations")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyAuthority('ml-engineers', 'ai-product-owners', 'governance-board')")
    java.util.Map<String, Object> requestReevaluation(@PathVariable Long systemId,
            @RequestBody MonitoringService.ReevaluationRequest request) {
        return java.util.Map.of("systemId", systemId, "reevaluation",
                monitoring.requestReevaluation(systemId, request, currentUser.id()));
    }

    record ReadingFields(
            @NotBlank(message = "is required") @Pattern(regexp = ValidationMetric.NAME_PATTERN) String metric,
            @NotNull(message = "is required") @DecimalMin("-1000000000") @DecimalMax("1000000000") Double value,
            @PastOrPresent Instant measuredAt) {
    }

    record ReadingView(Long id, Long systemId, String metric, double value, MetricBound bound, Double threshold,
            boolean breached, MonitoringReading.Reevaluation reevaluation, String recordedBy, Instant measuredAt,
            Instant recordedAt) {

        static ReadingView of(MonitoringReading r) {
            return new ReadingView(r.getId(), r.getSystemId(), r.getMetric(), r.getValue(), r.getBound(),
                    r.getThreshold(), r.isBreached(), r.getReevaluation(), r.getRecordedBy(), r.getMeasuredAt(),
                    r.getRecordedAt());
        }
    }
}
