package io.aimsgate.gate;

import io.aimsgate.inventory.VersionStatus;
import java.time.Instant;
import java.util.List;

/**
 * The answer a CI/CD pipeline gets: may this model version ship now, and if not, why not. {@code stateDigest} is the
 * digest of the state the version's current approval is bound to (docs/lifecycle-gates.md, "Bound approval"), null
 * when no approval stands.
 */
public record DeploymentDecision(Long systemId, String versionLabel, String artifactSha256, VersionStatus status,
        boolean allowed, List<String> blockingReasons, Long approvalRequestId, String approvedBy, Instant approvedAt,
        Instant checkedAt, String stateDigest) {
}
