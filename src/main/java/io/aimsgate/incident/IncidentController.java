package io.aimsgate.incident;

import io.swagger.v3.oas.annotations.Operation;
import static io.aimsgate.incident.IncidentProcess.*;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.Risk;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * AI incidents: /api/incidents. Any RACI participant may report one; the report starts the
 * incident-escalation process (the same as the Tasklist start form) synchronously up to its first wait.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentController {


    private final IncidentService incidents;
    private final CorrectiveActionService corrective;
    private final RiskService risks;
    private final RuntimeService runtimeService;
    private final CurrentUser currentUser;

    IncidentController(IncidentService incidents, CorrectiveActionService corrective, RiskService risks,
            RuntimeService runtimeService, CurrentUser currentUser) {
        this.incidents = incidents;
        this.corrective = corrective;
        this.risks = risks;
        this.runtimeService = runtimeService;
        this.currentUser = currentUser;
    }

    @Operation(summary = "Report an incident",
            description = "Records the incident on the affected versions and starts its escalation process; the severity (and EU AI Act Art. 73 reporting duty) follows from the harms given. The reporter is the caller.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@access.isParticipant()")
    @Transactional
    IncidentView report(@RequestBody NewIncident request) {
        // The service applies the report's rules (the same as for the Tasklist start form) before the process starts.
        IncidentReport report = request.toReport();
        incidents.validate(report);
        Map<String, Object> variables = IncidentVariables.REPORT.putInto(new HashMap<>(), report);
        String instance = runtimeService.startProcessInstanceByKey(KEY, "system-" + report.systemId(), variables)
                .getId();
        return view(incidents.requireByProcessInstance(instance));
    }

    @Operation(summary = "Read an incident",
            description = "The incident with its severity, status, harms, evidence and corrective actions.")
    @GetMapping("/{incidentId}")
    @PreAuthorize("@access.isParticipant()")
    IncidentView get(@PathVariable Long incidentId) {
        return view(incidents.require(incidentId));
    }

    @Operation(summary = "List incidents",
            description = "Incidents, newest first, one page at a time; filter by system and status.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    Page<IncidentSummary> list(@RequestParam(required = false) Long systemId,
            @RequestParam(required = false) IncidentStatus status,
            @RequestParam(required = false) IncidentSeverity severity,
            @PageableDefault(size = 20, sort = "id") Pageable pageable) {
        return incidents.find(systemId, status, severity, pageable).map(i -> new IncidentSummary(i.getId(),
                i.getSystemId(), i.getTitle(), i.getType(), i.getSeverity(), i.isSeriousIncident(), i.getStatus(),
                i.getReportedAt()));
    }

    /** Evidence references (log locations, model state snapshots, input samples) kept with the incident. */
    @Operation(summary = "Keep a reference to evidence",
            description = "Adds a reference to evidence (log location, model state snapshot, input or output sample) to the incident.")
    @PostMapping("/{incidentId}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@access.isParticipant()")
    EvidenceView addEvidence(@PathVariable Long incidentId, @Valid @RequestBody NewEvidence request) {
        IncidentEvidence added = incidents.addEvidence(incidentId, request.kind(), request.reference(),
                request.note(), currentUser.id());
        return EvidenceView.of(added);
    }

    /** Raises a finding of the incident as a risk in the register of the affected system, in one step. */
    @Operation(summary = "Raise an incident finding as a risk",
            description = "Records a finding of the incident as a risk in the register of the affected system, in one step.")
    @PostMapping("/{incidentId}/risks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@access.canMaintainRisks()")
    Map<String, Object> raiseRisk(@PathVariable Long incidentId, @Valid @RequestBody Finding request) {
        Incident incident = incidents.require(incidentId);
        Risk risk = risks.record(incident.getSystemId(), new RiskDetails(
                request.lifecycleStage() == null ? LifecycleStage.OPERATION_AND_MONITORING : request.lifecycleStage(),
                request.strideCategory(), request.title(),
                "Raised from incident " + incidentId + (request.description() == null ? "" : ": "
                        + request.description()), request.likelihood(), request.impact(), null, null,
                request.dueDate(), null, null), currentUser.id());
        return Map.of("riskId", risk.getId(), "systemId", risk.getSystemId(), "currentSeverity",
                risk.getCurrentSeverity(), "status", risk.getStatus());
    }

    private IncidentView view(Incident i) {
        List<AffectedVersion> versions = incidents.affectedVersions(i.getId()).stream()
                .map(v -> new AffectedVersion(v.getVersionId(), v.isSuspended())).toList();
        List<EvidenceView> evidence = incidents.evidenceOf(i.getId()).stream().map(EvidenceView::of).toList();
        List<CorrectiveCaseView> cases = corrective.casesOf(SubjectType.INCIDENT, i.getId()).stream()
                .map(c -> CorrectiveCaseView.of(c, corrective.actionsOf(c))).toList();
        return new IncidentView(i.getId(), i.getSystemId(), i.getProcessInstanceId(), i.getTitle(), i.getType(),
                i.getDescription(), i.getHarmToPeople(), i.getHarms(), i.isHighRiskSystem(), i.getSeverity(),
                i.isSeriousIncident(), i.getStatus(), i.getDetectedAt(), i.getReportedAt(), i.getReportedBy(),
                i.getContainmentDueAt(), i.getContainedAt(), i.getContainedBy(), i.getRegulatorDeadline(),
                i.getRegulatorNotifiedAt(), i.getRegulatorReference(), i.getResumptionDecision(),
                i.getLessonsLearned(), i.getClosedAt(), i.getSecondsToContain(), i.getSecondsToNotify(), versions,
                evidence, cases);
    }

    /** The JSON body: the harms as flat flags; the rules are the command's ({@link IncidentReport}). */
    record NewIncident(Long systemId, List<String> versionLabels, IncidentType type, String title,
            @MultiLine String description, @MultiLine String harmToPeople,
            boolean death, boolean seriousHealthHarm, boolean criticalInfrastructureDisruption,
            boolean widespreadInfringement, boolean fundamentalRightsInfringement, boolean propertyOrEnvironmentHarm,
            Instant detectedAt) {

        IncidentReport toReport() {
            return new IncidentReport(systemId, versionLabels, type, title, description, harmToPeople,
                    new Harms(death, seriousHealthHarm, criticalInfrastructureDisruption, widespreadInfringement,
                            fundamentalRightsInfringement, propertyOrEnvironmentHarm), detectedAt);
        }
    }

    record NewEvidence(@NotNull(message = "is required") EvidenceKind kind,
            @NotBlank(message = "is required") @Size(max = 1000) String reference, @MultiLine @Size(max = 2000) String note) {
    }

    record Finding(LifecycleStage lifecycleStage, @NotNull(message = "is required") StrideCategory strideCategory,
            @NotBlank(message = "is required") @Size(max = 200) String title, @MultiLine @Size(max = 3000) String description,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5") Integer likelihood,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5") Integer impact,
            LocalDate dueDate) {
    }

    record AffectedVersion(Long versionId, boolean suspended) {
    }

    record EvidenceView(Long id, EvidenceKind kind, String reference, String note, String addedBy, Instant addedAt) {

        static EvidenceView of(IncidentEvidence e) {
            return new EvidenceView(e.getId(), e.getKind(), e.getReference(), e.getNote(), e.getAddedBy(),
                    e.getAddedAt());
        }
    }

    record IncidentSummary(Long id, Long systemId, String title, IncidentType type, IncidentSeverity severity,
            boolean seriousIncident, IncidentStatus status, Instant reportedAt) {
    }

    record IncidentView(Long id, Long systemId, String processInstanceId, String title, IncidentType type,
            String description, String harmToPeople, Harms harms, boolean highRiskSystem, IncidentSeverity severity,
            boolean seriousIncident, IncidentStatus status, Instant detectedAt, Instant reportedAt, String reportedBy,
            Instant containmentDueAt, Instant containedAt, String containedBy, Instant regulatorDeadline,
            Instant regulatorNotifiedAt, String regulatorReference, String resumptionDecision, String lessonsLearned,
            Instant closedAt, Long secondsToContain, Long secondsToNotify, List<AffectedVersion> affectedVersions,
            List<EvidenceView> evidence, List<CorrectiveCaseView> correctiveActions) {
    }
}
