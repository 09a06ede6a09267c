package io.aimsgate.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.aimsgate.security.AccessRules;
import io.aimsgate.shared.CallerRule;
import io.aimsgate.shared.InvalidInputException;
import io.aimsgate.shared.PolledEndpoint;
import io.aimsgate.shared.Problems;
import java.util.regex.Pattern;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CI/CD pipeline check: 200 only when the version is APPROVED and its system has no unresolved
 * high-severity risk right now; 409 problem+json listing every blocking reason; 404 for unknown ids. With
 * {@code digest} and {@code environment} it checks exactly that artefact for that configured environment
 * ({@link EnvironmentChecks}). Answers are reused briefly while nothing changed ({@link DeploymentDecisionCache});
 * {@code checkedAt} says when one was computed.
 */
@RestController
class DeploymentDecisionController {

    /**
     * Who may ask: {@link AccessRules#mayCheckDeployments()}, the attestation's {@code @PreAuthorize} rule, checked
     * first thing in the method rather than by the expression behind a method-security proxy.
     */
    static final String MAY_CHECK = "@access.mayCheckDeployments()";

    /**
     * The version label rule of every endpoint, checked here by hand rather than by method validation: pipelines poll
     * this endpoint, and a validator pass per call cost more than the rest of an answer taken from the cache.
     */
    private static final Pattern VERSION_LABEL = Pattern.compile(DeploymentRequestController.VERSION_LABEL);

    private final DeploymentGateService gate;
    private final DeploymentDecisionCache recentAnswers;
    private final EnvironmentChecks environments;
    private final ObjectMapper json;
    /** Answer objects (by identity, held weakly: they live as long as the decision cache keeps them) to their JSON. */
    private final Cache<Object, RawValue> rendered = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    DeploymentDecisionController(DeploymentGateService gate, DeploymentDecisionCache recentAnswers,
            EnvironmentChecks environments, ObjectMapper json) {
        this.gate = gate;
        this.recentAnswers = recentAnswers;
        this.environments = environments;
        this.json = json;
    }

    @Operation(summary = "Pipeline check: may this version (this artefact, to this environment) be deployed now?",
            description = "Without parameters: 200 only if the version is APPROVED, the system's tier is not UNACCEPTABLE, no incident holds the version suspended, its required evidence is current and the system has no unresolved HIGH or CRITICAL risk now; 409 with the blocking reasons otherwise. With `digest` and `environment` (both or neither): 200 only if the decision the configured environment requires (`aims.pipeline.environments`: e.g. `staging` needs the system's verification & validation passed, `production` the deployment approval and everything above) exists for exactly this artefact digest, holds now and has not expired; 409 naming every reason otherwise; 400 for a malformed digest or an unknown environment. Computed at call time (a node may reuse an answer for aims.pipeline.decision-cache-ttl).")
    @ApiResponse(responseCode = "200", description = "The version (this artefact, to this environment) may be deployed now: a DeploymentDecision, or with digest and environment an EnvironmentDecision.",
            content = @Content(schema = @Schema(oneOf = {DeploymentDecision.class, EnvironmentDecision.class})))
    @ApiResponse(responseCode = "400", description = "`digest` is not `sha256:` and 64 hexadecimal characters, `environment` is not configured, or only one of them is given.")
    @ApiResponse(responseCode = "409", description = "The version may not be deployed now (to this environment, as this artefact): `reasons` lists why.")
    @GetMapping("/api/systems/{systemId}/versions/{versionLabel}/deployment-decision")
    @CallerRule(MAY_CHECK)
    @PolledEndpoint
    Object decision(@PathVariable Long systemId,
            @Parameter(schema = @Schema(type = "string", pattern = DeploymentRequestController.VERSION_LABEL))
            @PathVariable String versionLabel,
            @Parameter(description = "The artefact about to be deployed: `sha256:` and its 64 hexadecimal digits.",
                    example = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @RequestParam(required = false) String digest,
            @Parameter(description = "A configured deployment environment (aims.pipeline.environments).",
                    example = "production")
            @RequestParam(required = false) String environment) {
        // Who may ask (MAY_CHECK), checked first as @PreAuthorize would, without an expression or a proxy.
        if (!AccessRules.mayCheckDeployments(SecurityContextHolder.getContext().getAuthentication())) {
            throw new AccessDeniedException("Not a participant and no deployment-decision scope");
        }
        if (!VERSION_LABEL.matcher(versionLabel).matches()) {
            throw new InvalidInputException("versionLabel", "is not a valid version label");
        }
        if (digest != null || environment != null) {
            return byDigestAndEnvironment(systemId, versionLabel, digest, environment);
        }
        DeploymentDecision decision = recentAnswers.get(systemId, versionLabel,
                () -> gate.decide(systemId, versionLabel));
        if (!decision.allowed()) {
            return Problems.conflict("versionLabel", "Version '" + versionLabel + "' of AI system " + systemId
                    + " may not be deployed.", decision.blockingReasons());
        }
        return rendered(decision);
    }

    /** The decision when allowed, otherwise the 409 problem naming {@code digest}. */
    private Object byDigestAndEnvironment(Long systemId, String versionLabel, String digest,
            String environment) {
        EnvironmentChecks.requireBoth(digest, environment);
        String wanted = EnvironmentChecks.requireDigest(digest);
        environments.requireEnvironment(environment);
        EnvironmentDecision decision = recentAnswers.get(systemId, versionLabel, wanted, environment,
                () -> environments.decide(systemId, versionLabel, wanted, environment));
        if (!decision.allowed()) {
            return Problems.conflict("digest", "Artefact " + wanted + " of version '" + versionLabel
                    + "' of AI system " + systemId + " may not be deployed to " + environment + ".",
                    decision.blockingReasons());
        }
        return rendered(decision);
    }

    /**
     * The allowed answer as its JSON, serialised by the application's ObjectMapper once per answer object: an answer
     * reused from {@link DeploymentDecisionCache} is the same object, so polling pipelines get the same bytes without
     * the answer being serialised again. Written by the same message converter, after the same content negotiation.
     */
    private RawValue rendered(Object decision) {
        return rendered.get(decision, answer -> {
            try {
                return new RawValue(new SerializedString(json.writeValueAsString(answer)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A pipeline decision could not be written as JSON", e);
            }
        });
    }
}
