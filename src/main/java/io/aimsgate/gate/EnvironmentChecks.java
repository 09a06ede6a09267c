package io.aimsgate.gate;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pipeline check by artefact digest and environment (docs/pipelines.md): fails closed, so a version is admitted
 * to an environment only when the decision that environment requires exists for exactly the digest the pipeline is
 * about to deploy, holds now (the deployment gate's own check: no unresolved HIGH/CRITICAL risk, no incident hold,
 * required evidence current, not prohibited) and has not expired. Only {@link #decide} reads the database (in one
 * read-only transaction); checking the parameters against the configuration takes no transaction, so a check answered
 * from {@link DeploymentDecisionCache} takes no database connection either.
 */
@Service
class EnvironmentChecks {

    /** {@code sha256:} and 64 hexadecimal digits: the OCI / in-toto way of naming a SHA-256 digest. */
    static final String DIGEST = "^sha256:[A-Fa-f0-9]{64}$";
    private static final Pattern DIGEST_PATTERN = Pattern.compile(DIGEST);
    private static final Set<VersionStatus> NEVER_ADMITTED = Set.of(VersionStatus.REJECTED, VersionStatus.SUSPENDED,
            VersionStatus.RETIRED);

    private final PipelineProperties properties;
    private final DeploymentGateService gate;
    private final InventoryService inventory;
    private final GateRunRepository runs;
    private final List<DeploymentBlocker> blockers;
    private final Clock clock;

    EnvironmentChecks(PipelineProperties properties, DeploymentGateService gate, InventoryService inventory,
            GateRunRepository runs, List<DeploymentBlocker> blockers, Clock clock) {
        this.properties = properties;
        this.gate = gate;
        this.inventory = inventory;
        this.runs = runs;
        this.blockers = List.copyOf(blockers);
        this.clock = clock;
    }

    /** The configured environment of this name; 400 naming {@code environment} otherwise. */
    PipelineProperties.Environment requireEnvironment(String name) {
        PipelineProperties.Environment environment = name == null ? null : properties.environments().get(name);
        if (environment == null) {
            throw new InvalidInputException("environment", "Unknown environment '" + name + "'; configured: "
                    + String.join(", ", properties.environments().keySet()) + ".");
        }
        return environment;
    }

    /** The digest as a lower-case {@code sha256:<hex>}; 400 naming {@code digest} when it is not one. */
    static String requireDigest(String digest) {
        if (digest == null || !DIGEST_PATTERN.matcher(digest).matches()) {
            throw new InvalidInputException("digest", "must be sha256: followed by 64 hexadecimal characters");
        }
        return digest.toLowerCase(Locale.ROOT);
    }

    /** Both parameters or neither: a digest without an environment (or the reverse) is refused, never ignored. */
    static void requireBoth(String digest, String environment) {
        if (digest == null) {
            throw new InvalidInputException("digest", "must be given with environment");
        }
        if (environment == null) {
            throw new InvalidInputException("environment", "must be given with digest");
        }
    }

    Set<String> environments() {
        return properties.environments().keySet();
    }

    @Transactional(readOnly = true)
    EnvironmentDecision decide(Long systemId, String versionLabel, String digest, String environmentName) {
        String wanted = requireDigest(digest);
        PipelineProperties.Environment environment = requireEnvironment(environmentName);
        return environment.requires() == GateKind.DEPLOYMENT
                ? afterDeploymentApproval(systemId, versionLabel, wanted, environmentName, environment)
                : afterValidation(systemId, versionLabel, wanted, environmentName, environment);
    }

    private EnvironmentDecision afterDeploymentApproval(Long systemId, String versionLabel, String digest,
            String name, PipelineProperties.Environment environment) {
        DeploymentDecision live = gate.decide(systemId, versionLabel);
        List<String> reasons = new ArrayList<>(live.blockingReasons());
        reasons.addAll(digestMismatch(live.artifactSha256(), digest, versionLabel));
        Instant expiresAt = expiry(live.approvedAt(), environment);
        reasons.addAll(expired(name, live.approvedAt(), expiresAt));
        return new EnvironmentDecision(systemId, versionLabel, name, digest, environment.requires(), reasons.isEmpty(),
                List.copyOf(reasons), live.approvalRequestId(), live.approvedAt(), expiresAt, live.checkedAt(),
                live.stateDigest());
    }

    private EnvironmentDecision afterValidation(Long systemId, String versionLabel, String digest, String name,
            PipelineProperties.Environment environment) {
        ModelVersion version = inventory.requireVersion(systemId, versionLabel);
        AiSystem system = inventory.requireSystem(systemId);
        List<String> reasons = new ArrayList<>();
        if (system.getEuAiActTier() == EuAiActTier.UNACCEPTABLE) {
            reasons.add("The system is classified as an EU AI Act prohibited practice (tier UNACCEPTABLE).");
        }
        if (NEVER_ADMITTED.contains(version.getStatus())) {
            reasons.add("Version '" + versionLabel + "' is " + version.getStatus() + ".");
        }
        for (DeploymentBlocker blocker : blockers) {
            reasons.addAll(blocker.blockingReasons(version.getId()));
        }
        Instant decidedAt = runs.findBySystemIdAndKindAndStatus(systemId, GateKind.VERIFICATION_AND_VALIDATION,
                GateRunStatus.PASSED).stream().map(GateRun::getDecidedAt).max(Comparator.naturalOrder()).orElse(null);
        if (decidedAt == null) {
            reasons.add("The system has not passed the verification & validation gate, which environment '" + name
                    + "' requires.");
        }
        reasons.addAll(digestMismatch(version.getArtifactSha256(), digest, versionLabel));
        Instant expiresAt = expiry(decidedAt, environment);
        reasons.addAll(expired(name, decidedAt, expiresAt));
        return new EnvironmentDecision(systemId, versionLabel, name, digest, environment.requires(), reasons.isEmpty(),
                List.copyOf(reasons), null, decidedAt, expiresAt, clock.instant(), null);
    }

    /** When a decision made at {@code decidedAt} lapses in this environment; null without a configured validity. */
    static Instant expiry(Instant decidedAt, PipelineProperties.Environment environment) {
        return decidedAt == null || environment.validity() == null ? null : decidedAt.plus(environment.validity());
    }

    private List<String> expired(String name, Instant decidedAt, Instant expiresAt) {
        if (expiresAt != null && !clock.instant().isBefore(expiresAt)) {
            return List.of("The decision of " + decidedAt + " admitting this version to environment '" + name
                    + "' expired at " + expiresAt + "; the version must be approved again.");
        }
        return List.of();
    }

    private static List<String> digestMismatch(String artifactSha256, String digest, String versionLabel) {
        String approved = "sha256:" + artifactSha256;
        if (!approved.equalsIgnoreCase(digest)) {
            return List.of("Digest " + digest + " is not the artefact of version '" + versionLabel + "' (" + approved
                    + "): the decision covers that digest only.");
        }
        return List.of();
    }
}
