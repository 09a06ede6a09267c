package io.aimsgate.gate;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.raci.RaciRole;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deployment requests: submit a version to the gate, read a request's decisions and history. */
@RestController
@Validated
class DeploymentRequestController {

    static final String VERSION_LABEL = "^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$";

    private final DeploymentSubmissions submissions;
    private final DeploymentGateService gate;

    DeploymentRequestController(DeploymentSubmissions submissions, DeploymentGateService gate) {
        this.submissions = submissions;
        this.gate = gate;
    }

    /** 201 with the request; its status says whether the gate halted it (with reasons) or routed it to review. */
    @Operation(summary = "Submit a version to the deployment gate",
            description = "Starts the deployment approval for the version. 201 with the request: its status says whether the gate halted it at once (with reasons: blocking risks, missing validation) or routed it to review. An optional `servingImage` (registry/repository@sha256:<hex>) is named, beside the model artefact, as a subject of the signed decision the approval issues (docs/pipelines.md).")
    @PostMapping("/api/systems/{systemId}/versions/{versionLabel}/deployment-requests")
    @PreAuthorize("hasAuthority('ai-product-owners')")
    // The answer is read in the submission's transaction: one connection and one commit for the whole request.
    @Transactional
    ResponseEntity<RequestView> submit(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = VERSION_LABEL, message = "is not a valid version label") String versionLabel,
            @Valid @RequestBody(required = false) Submission body) {
        DeploymentRequest request = submissions.submit(systemId, versionLabel, body == null ? null : body.note(),
                body == null ? null : body.servingImage());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(request));
    }

    @Operation(summary = "List a version's deployment requests",
            description = "Every deployment request of the version with its decisions and events, oldest first.")
    @GetMapping("/api/systems/{systemId}/versions/{versionLabel}/deployment-requests")
    @PreAuthorize("@access.isParticipant()")
    List<RequestView> list(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = VERSION_LABEL, message = "is not a valid version label") String versionLabel) {
        return gate.requestsFor(systemId, versionLabel).stream().map(this::view).toList();
    }

    @Operation(summary = "Read a deployment request",
            description = "The request with its status, assessment, halts, decisions (who, role, rationale) and events.")
    @GetMapping("/api/deployment-requests/{requestId}")
    @PreAuthorize("@access.isParticipant()")
    RequestView get(@PathVariable Long requestId) {
        return view(gate.require(requestId));
    }

    private RequestView view(DeploymentRequest r) {
        List<DecisionView> decisions = gate.decisionsOf(r.getId()).stream()
                .map(d -> new DecisionView(d.getTaskKey(), d.getRaciActivity(), d.getRaciRole(), d.getDecision(),
                        d.getRationale(), d.getDecidedBy(), d.getDecidedAt()))
                .toList();
        List<EventView> events = gate.eventsOf(r.getId()).stream()
                .map(e -> new EventView(e.getEventType(), e.getActor(), e.getDetails(), e.getOccurredAt()))
                .toList();
        List<String> haltReasons = r.getHaltReasons() == null ? List.of() : List.of(r.getHaltReasons().split("\n"));
        return new RequestView(r.getId(), r.getSystemId(), r.getVersionId(), r.getProcessInstanceId(), r.getStatus(),
                r.getSubmittedBy(), r.getSubmittedAt(), r.getSubmissionNote(), r.getServingImage(), r.getAssessedAt(),
                r.getBlockingRiskCount(), r.getHaltCount(),
                r.getStatus() == DeploymentRequestStatus.HALTED ? haltReasons : List.of(), r.getDecidedBy(),
                r.getDecidedAt(), r.getDecisionRationale(), decisions, events);
    }

    record Submission(@MultiLine @Size(max = 2000) String note,
            @Pattern(regexp = DeploymentGateService.SERVING_IMAGE, message = "must be an image by digest: "
                    + "registry/repository@sha256: and 64 lower-case hexadecimal characters") String servingImage) {
    }

    record RequestView(Long id, Long systemId, Long versionId, String processInstanceId,
            DeploymentRequestStatus status, String submittedBy, Instant submittedAt, String submissionNote,
            String servingImage, Instant assessedAt, int blockingRiskCount, int haltCount, List<String> haltReasons, String decidedBy,
            Instant decidedAt, String decisionRationale, List<DecisionView> decisions, List<EventView> events) {
    }

    record DecisionView(String taskKey, String raciActivity, RaciRole raciRole, String decision,
            String rationale, String decidedBy, Instant decidedAt) {
    }

    record EventView(GateEvent.Type type, String actor, String details, Instant occurredAt) {
    }
}
