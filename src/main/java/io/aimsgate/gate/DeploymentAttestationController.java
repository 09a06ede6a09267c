package io.aimsgate.gate;

import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed deployment decision of a version for one environment (docs/pipelines.md): the DSSE envelope issued when
 * the deployment gate approved it, served only while the decision it signs still holds, exactly for the artefact
 * digest named, and is not expired; 409 problem+json naming why otherwise.
 */
@RestController
@Validated
class DeploymentAttestationController {

    private final EnvironmentChecks environments;
    private final DeploymentDecisionCache recentAnswers;
    private final DeploymentAttestations attestations;
    private final DeploymentApprovals approvals;
    private final InventoryService inventory;
    private final Clock clock;

    DeploymentAttestationController(EnvironmentChecks environments, DeploymentDecisionCache recentAnswers,
            DeploymentAttestations attestations, DeploymentApprovals approvals, InventoryService inventory,
            Clock clock) {
        this.approvals = approvals;
        this.environments = environments;
        this.recentAnswers = recentAnswers;
        this.attestations = attestations;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Operation(summary = "The signed deployment decision (in-toto attestation) of a version for an environment",
            description = "The DSSE envelope (payloadType application/vnd.in-toto+json) of the in-toto Statement v1 the platform issued when the deployment gate approved the version: subject the model artefact (sha256), predicateType https://aimsgate.io/attestation/deployment-decision/v1, predicate the decision, environment, system, version, approvers with their roles, times, expiry, state digest, evidence digests and ledger sequence. Signed with the organisation's key (keyid as in GET /api/audit/keys). 409 when the decision no longer holds (invalidated, re-approval required, a new blocker), has expired, names another artefact, or no signed decision was issued for the environment; 400 for a malformed digest or an unknown environment.")
    @ApiResponse(responseCode = "200", description = "The DSSE envelope.", content = @Content(
            schema = @Schema(implementation = Dsse.Envelope.class)))
    @ApiResponse(responseCode = "400", description = "`digest` is not `sha256:` and 64 hexadecimal characters, or `environment` is not configured or missing.")
    @ApiResponse(responseCode = "409", description = "No current, unexpired signed decision for this artefact and environment: `reasons` lists why.")
    @GetMapping("/api/systems/{systemId}/versions/{versionLabel}/deployment-decision/attestation")
    @PreAuthorize(DeploymentDecisionController.MAY_CHECK)
    Dsse.Envelope attestation(@PathVariable Long systemId,
            @PathVariable @Pattern(regexp = DeploymentRequestController.VERSION_LABEL,
                    message = "is not a valid version label") String versionLabel,
            @Parameter(description = "The artefact about to be deployed: `sha256:` and its 64 hexadecimal digits.",
                    example = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @RequestParam(required = false) String digest,
            @Parameter(description = "A configured deployment environment (aims.pipeline.environments).",
                    example = "production")
            @RequestParam(required = false) String environment) {
        EnvironmentChecks.requireBoth(digest, environment);
        String wanted = EnvironmentChecks.requireDigest(digest);
        environments.requireEnvironment(environment);
        EnvironmentDecision decision = recentAnswers.get(systemId, versionLabel, wanted, environment,
                () -> environments.decide(systemId, versionLabel, wanted, environment));
        String refused = "No signed decision admits artefact " + wanted + " of version '" + versionLabel
                + "' of AI system " + systemId + " to " + environment + ".";
        if (!decision.allowed()) {
            throw new ConflictException("digest", refused, decision.blockingReasons());
        }
        Long versionId = inventory.requireVersion(systemId, versionLabel).getId();
        // A decision is signed under a deployment approval; once that approval no longer stands (a material change
        // invalidated it), nothing signed under it is served, in any environment.
        Optional<BoundApproval> current = approvals.currentOf(versionId);
        if (current.isEmpty()) {
            String why = approvals.latestOf(systemId, versionLabel).map(BoundApproval::invalidationReason)
                    .filter(Objects::nonNull).map(reason -> "The deployment approval it was signed under was "
                            + "invalidated: " + reason).orElse("The version has no deployment approval that stands.");
            throw new ConflictException("environment", refused, List.of(why));
        }
        Optional<DeploymentAttestations.Issued> latest = attestations.latest(versionId, environment);
        if (latest.isEmpty() || !Objects.equals(latest.get().requestId(), current.get().requestId())) {
            throw new ConflictException("environment", refused, List.of("No signed decision has been issued for "
                    + "environment '" + environment + "' since the current approval: the platform signs a decision "
                    + "when the deployment gate approves the version."));
        }
        DeploymentAttestations.Issued issued = latest.get();
        if (!("sha256:" + issued.artifactSha256()).equals(wanted)) {
            throw new ConflictException("digest", refused, List.of("The signed decision covers artefact sha256:"
                    + issued.artifactSha256() + ", not " + wanted + "."));
        }
        if (!clock.instant().isBefore(issued.expiresAt())) {
            throw new ConflictException("environment", refused, List.of("The signed decision issued at "
                    + issued.issuedAt() + " expired at " + issued.expiresAt() + "; the version must be approved "
                    + "again."));
        }
        return DeploymentAttestations.envelope(issued.envelope());
    }
}
