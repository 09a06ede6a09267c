package io.aimsgate.gate;

/**
 * Published (inside the transaction) when the deployment gate halts a request: an unresolved high-severity risk or
 * an incident hold stopped it.
 */
public record DeploymentHalted(Long requestId, Long systemId, Long versionId) {
}
