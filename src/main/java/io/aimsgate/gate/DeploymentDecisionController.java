package io.aimsgate.gate;

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
