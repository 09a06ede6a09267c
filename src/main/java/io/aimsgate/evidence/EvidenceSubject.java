package io.aimsgate.evidence;

/**
 * What a gate asks about: the system, and where it has them, the model version it decides on and its own run. A
 * gate's evidence counts when it is attached to one of these (for the deployment gate: to the version itself).
 */
public record EvidenceSubject(long systemId, Long versionId, Long gateRunId) {

    public static EvidenceSubject ofGateRun(long systemId, long gateRunId) {
        return new EvidenceSubject(systemId, null, gateRunId);
    }

    public static EvidenceSubject ofVersion(long systemId, long versionId) {
        return new EvidenceSubject(systemId, versionId, null);
    }
}
