package io.aimsgate.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.CurrentUser;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The risk register of one AI system: /api/systems/{id}/risks. */
@RestController
@RequestMapping("/api/systems/{systemId}")
class RiskController {

    private final RiskService riskService;
    private final RiskAssessmentService assessments;
    private final CurrentUser currentUser;
    private final TreatingControls treatingControls;

    RiskController(RiskService riskService, RiskAssessmentService assessments, CurrentUser currentUser,
            TreatingControls treatingControls) {
        this.riskService = riskService;
        this.assessments = assessments;
        this.currentUser = currentUser;
        this.treatingControls = treatingControls;
    }

    /** A risk with the Annex A controls that treat it (PUT /api/controls/{controlId}/risks). */
    private RiskView view(Risk risk) {
        return RiskView.of(risk, treatingControls.controlsTreating(List.of(risk.getId())).get(risk.getId()));
    }

    @Operation(summary = "Record a risk",
            description = "Adds a risk to the system's register with its likelihood, impact, treatment and owner; the severity follows from the risk-severity decision.")
    @PostMapping("/risks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("@access.canMaintainRisks()")
    RiskView record(@PathVariable Long systemId, @Valid @RequestBody RiskFields request) {
        return view(riskService.record(systemId, request.toDetails(), currentUser.id(),
                request.treatmentRecord()));
    }

    @Operation(summary = "Edit a risk",
            description = "Replaces a risk's rating, treatment and residual rating; a residual rating below HIGH with a treatment record makes it stop blocking.")
    @PutMapping("/risks/{riskId}")
    @PreAuthorize("@access.canMaintainRisks()")
    RiskView update(@PathVariable Long systemId, @PathVariable Long riskId, @Valid @RequestBody RiskFields request) {
        return view(riskService.update(systemId, riskId, request.toDetails(), request.treatmentRecord()));
    }

    /** Status changes: {"status": "ACCEPTED", "rationale": "..."} or {"status": "CLOSED", "reason": "..."}. */
    @Operation(summary = "Change a risk's status",
            description = "Moves a risk (IN_TREATMENT, MITIGATED, ACCEPTED with a rationale, CLOSED with a reason). Accepting a HIGH or CRITICAL risk needs the governance board and an expiry (expiresOn, at most aims.risk.acceptance.max-validity ahead); at that date the risk is unresolved again.")
    @PostMapping("/risks/{riskId}/transitions")
    @PreAuthorize("@access.canMaintainRisks()")
    RiskView transition(@PathVariable Long systemId, @PathVariable Long riskId,
            @Valid @RequestBody StatusChange request) {
        String text = request.status() == RiskStatus.ACCEPTED ? request.rationale() : request.reason();
        return view(riskService.transition(systemId, riskId, request.status(), text, request.expiresOn(),
                currentUser.id(), currentUser.groups()));
    }

    @Operation(summary = "Read a risk",
            description = "One risk with its inherent, residual and current severity.")
    @GetMapping("/risks/{riskId}")
    @PreAuthorize("@access.isParticipant()")
    RiskView get(@PathVariable Long systemId, @PathVariable Long riskId) {
        return view(riskService.require(systemId, riskId));
    }

    @Operation(summary = "List a system's risks",
            description = "The system's risk register, one page at a time; filter by status and severity.")
    @GetMapping("/risks")
    @PreAuthorize("@access.isParticipant()")
    Page<RiskView> list(@PathVariable Long systemId, @RequestParam(required = false) RiskStatus status,
            @RequestParam(required = false) Severity severity, @RequestParam(required = false) LifecycleStage stage,
            @RequestParam(required = false) StrideCategory stride,
            @PageableDefault(size = 20, sort = "id") Pageable pageable) {
        Page<Risk> page = riskService.find(systemId, new RiskFilter(status, severity, stage, stride), pageable);
        java.util.Map<Long, List<String>> treating = treatingControls.controlsTreating(
                page.getContent().stream().map(Risk::getId).toList());
        return page.map(r -> RiskView.of(r, treating.get(r.getId())));
    }

    /** What the deployment gate would conclude right now. */
    @Operation(summary = "Assess a system's risks now",
            description = "What the deployment gate would conclude right now: blocking risks and the severity counts.")
    @GetMapping("/risk-assessment")
    @PreAuthorize("@access.isParticipant()")
    RiskAssessmentView assessment(@PathVariable Long systemId) {
        RiskAssessment assessment = assessments.assess(systemId);
        return new RiskAssessmentView(systemId, assessment.blocked(), assessment.unresolvedHighRiskCount(),
                assessment.reasons(), assessment.assessedAt());
    }

    record RiskFields(
            @NotNull(message = "is required") LifecycleStage lifecycleStage,
            @NotNull(message = "is required") StrideCategory strideCategory,
            @NotBlank(message = "is required") @Size(max = 200) String title,
            @MultiLine @Size(max = 4000) String description,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5") Integer likelihood,
            @NotNull(message = "is required") @Min(value = 1, message = "must be between 1 and 5")
            @Max(value = 5, message = "must be between 1 and 5") Integer impact,
            RiskTreatment treatment,
            @Size(max = 100) String treatmentOwner,
            LocalDate dueDate,
            @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
            Integer residualLikelihood,
            @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5")
            Integer residualImpact,
            @Size(max = 2000) String treatmentRecord) {

        RiskDetails toDetails() {
            return new RiskDetails(lifecycleStage, strideCategory, title.strip(), description, likelihood, impact,
                    treatment, treatmentOwner, dueDate, residualLikelihood, residualImpact);
        }
    }

    record StatusChange(@NotNull(message = "is required") RiskStatus status,
            @MultiLine @Size(max = 2000) String reason,
            @MultiLine @Size(max = 4000) String rationale,
            LocalDate expiresOn) {
    }

    record RiskView(Long id, Long systemId, LifecycleStage lifecycleStage, StrideCategory strideCategory, String title,
            String description, int likelihood, int impact, int inherentScore, Severity inherentSeverity,
            RiskTreatment treatment, String treatmentOwner, LocalDate dueDate, RiskStatus status,
            Integer residualLikelihood, Integer residualImpact, Severity residualSeverity, Severity currentSeverity,
            String acceptedBy, String acceptedRole, Instant acceptedAt, String acceptanceRationale,
            LocalDate acceptanceExpiresOn, String statusReason, String treatmentRecord, String createdBy,
            Instant createdAt, Instant updatedAt, List<String> treatedByControls) {

        static RiskView of(Risk r, List<String> treatedByControls) {
            return new RiskView(r.getId(), r.getSystemId(), r.getLifecycleStage(), r.getStrideCategory(), r.getTitle(),
                    r.getDescription(), r.getLikelihood(), r.getImpact(), r.getInherentScore(), r.getInherentSeverity(),
                    r.getTreatment(), r.getTreatmentOwner(), r.getDueDate(), r.getStatus(), r.getResidualLikelihood(),
                    r.getResidualImpact(), r.getResidualSeverity(), r.getCurrentSeverity(), r.getAcceptedBy(),
                    r.getAcceptedRole(), r.getAcceptedAt(), r.getAcceptanceRationale(), r.getAcceptanceExpiresOn(),
                    r.getStatusReason(), r.getTreatmentRecord(), r.getCreatedBy(), r.getCreatedAt(), r.getUpdatedAt(),
                    treatedByControls == null ? List.of() : List.copyOf(treatedByControls));
        }
    }

    record RiskAssessmentView(Long systemId, boolean blocked, long unresolvedHighRiskCount, List<String> reasons,
            Instant assessedAt) {
    }
}
