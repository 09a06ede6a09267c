package io.aimsgate.incident;

import io.swagger.v3.oas.annotations.Operation;
import static io.aimsgate.incident.IncidentProcess.*;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Nonconformities from audits and reviews: /api/nonconformities (auditors, the board, product owners raise them). */
@RestController
@RequestMapping("/api/nonconformities")
class NonconformityController {

    private final NonconformityService nonconformities;
    private final CorrectiveActionService corrective;
    private final RuntimeService runtimeService;

    NonconformityController(NonconformityService nonconformities, CorrectiveActionService corrective,
            RuntimeService runtimeService) {
        this.nonconformities = nonconformities;
        this.corrective = corrective;
        this.runtimeService = runtimeService;
    }

    @Operation(summary = "Raise a nonconformity",
            description = "Records a nonconformity against an ISO/IEC 42001 requirement (clause 10.2) and starts its corrective-action process.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyAuthority('auditors', 'governance-board', 'ai-product-owners')")
    @Transactional
    NonconformityView raise(@RequestBody NonconformityReport report) {
        nonconformities.validate(report);
        String instance = runtimeService.startProcessInstanceByKey(NONCONFORMITY_KEY, report.asVariables()).getId();
        return view(nonconformities.requireByProcessInstance(instance));
    }

    @Operation(summary = "Read a nonconformity",
            description = "The nonconformity with its status and corrective actions.")
    @GetMapping("/{nonconformityId}")
    @PreAuthorize("@access.isParticipant()")
    NonconformityView get(@PathVariable Long nonconformityId) {
        return view(nonconformities.require(nonconformityId));
    }

    private NonconformityView view(Nonconformity n) {
        return new NonconformityView(n.getId(), n.getSystemId(), n.getProcessInstanceId(), n.getSource(),
                n.getRequirement(), n.getDescription(), n.getStatus(), n.getRaisedBy(), n.getRaisedAt(),
                n.getClosedAt(), corrective.casesOf(SubjectType.NONCONFORMITY, n.getId()).stream()
                        .map(c -> CorrectiveCaseView.of(c, corrective.actionsOf(c))).toList());
    }

    record NonconformityView(Long id, Long systemId, String processInstanceId, NonconformitySource source,
            String requirement, String description, IncidentStatus status, String raisedBy, Instant raisedAt,
            Instant closedAt, List<CorrectiveCaseView> correctiveActions) {
    }
}
