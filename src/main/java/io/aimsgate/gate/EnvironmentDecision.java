package io.aimsgate.gate;

import java.time.Instant;
import java.util.List;

/**
 * The pipeline check for one artefact digest and one deployment environment: allowed only when the decision the
 * environment requires ({@code requires}) exists for exactly this digest, holds now and has not expired.
 * {@code decidedAt} is when that decision was made, {@code expiresAt} when it lapses (null: no expiry configured),
 * {@code stateDigest} the digest of the state the standing deployment approval is bound to (null without one).
 */
public record EnvironmentDecision(Long systemId, String versionLabel, String environment, String digest,
        GateKind requires, boolean allowed, List<String> blockingReasons, Long approvalRequestId, Instant decidedAt,
        Instant expiresAt, Instant checkedAt, String stateDigest) {
}
