package io.aimsgate.gate;

import io.aimsgate.raci.RaciRole;
import java.time.Instant;

/**
 * Published (inside the decider's transaction) each time {@link GateDecisions#record} stores a decision of any gate:
 * the one hook for whoever needs every decision (a ledger, a notification).
 */
public record GateDecisionRecorded(Long decisionId, Long runId, GateKind kind, Long systemId,
        String processInstanceId, String taskKey, String raciActivity, RaciRole raciRole, String decision,
        String rationale, String decidedBy, Instant decidedAt) {
}
