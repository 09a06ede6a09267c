package io.aimsgate.gate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.aimsgate.shared.ConflictException;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CI/CD pipeline check: 200 only when the version is APPROVED and its system has no unresolved
 * high-severity risk right now; 409 problem+json listing every blocking reason; 404 for unknown ids. Answers are
 * reused briefly while nothing changed ({@link DeploymentDecisionCache}); {@code checkedAt} says when one was computed.
 */
@RestController
@Validated
class DeploymentDecisionController {

    private final DeploymentGateService gate;
    private final DeploymentDecisionCache recentAnswers;

    DeploymentDecisionController(DeploymentGateService gate, DeploymentDecisionCache recentAnswers) {
        this.gate = gate;
        this.recentAnswers = recentAnswers;
    }

    @Operation(summary = "Pipeline check: may this version be deployed now?",
            description = "200 only if the version is APPROVED, the system's tier is not UNACCEPTABLE, no incident holds the version suspended and the system has no unresolved HIGH or CRITICAL risk now; 409 with the blocking reasons otherwise. Computed at call time (a node may reuse an answer for aims.pipeline.decision-cache-ttl).")
    @ApiResponse(responseCode = "200", description = "The version may be deployed now.", content = @Content(
            schema = @Schema(implementation = DeploymentDecision.class)))
    @ApiResponse(responseCode = "409", description = "The version may not be deployed now: `reasons` lists why.")
    @GetMapping("/api/systems/{systemId}/versions/{versionLabel}/deployment-decision")
    @PreAuthorize("@access.isParticipant() or hasAuthority('SCOPE_deployment-decision')")
    DeploymentDecision decision(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = DeploymentRequestController.VERSION_LABEL,
                    message = "is not a valid version label") String versionLabel) {
        DeploymentDecision decision = recentAnswers.get(systemId, versionLabel,
                () -> gate.decide(systemId, versionLabel));
        if (!decision.allowed()) {
            throw new ConflictException("versionLabel", "Version '" + versionLabel + "' of AI system " + systemId
                    + " may not be deployed.", decision.blockingReasons());
        }
        return decision;
    }
}
