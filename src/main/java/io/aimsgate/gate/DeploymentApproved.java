package io.aimsgate.gate;

/**
 * Published inside the approving transaction when the deployment gate approves a version, for features that act
 * on a system entering operation (the life-cycle gates start its re-evaluation watch).
 */
public record DeploymentApproved(Long systemId, Long versionId, String approvedBy) {
}
