package io.aimsgate.gate;

/**
 * Published (inside its transaction) by whatever places a hold on a model version from outside the risk register (an
 * open incident that suspends it, {@link DeploymentBlocker}): a material change for an approval of that version.
 */
public record DeploymentHoldPlaced(Long systemId, Long versionId, String reason) {
}
