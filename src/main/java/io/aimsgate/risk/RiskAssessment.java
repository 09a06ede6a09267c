package io.aimsgate.risk;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of assessing one AI system's register: how many unresolved HIGH/CRITICAL risks block a
 * deployment, and the worst of them by name.
 */
public record RiskAssessment(Long systemId, long unresolvedHighRiskCount, List<BlockingRisk> blockingRisks,
        String severityDecisionId, Instant assessedAt, List<String> holds) {

    public RiskAssessment(Long systemId, long unresolvedHighRiskCount, List<BlockingRisk> blockingRisks,
            String severityDecisionId, Instant assessedAt) {
        this(systemId, unresolvedHighRiskCount, blockingRisks, severityDecisionId, assessedAt, List.of());
    }

    /** The same assessment with holds from outside the register (e.g. a suspension by an open incident). */
    public RiskAssessment withHolds(List<String> moreHolds) {
        List<String> all = new java.util.ArrayList<>(holds);
        all.addAll(moreHolds);
        return new RiskAssessment(systemId, unresolvedHighRiskCount, blockingRisks, severityDecisionId, assessedAt,
                List.copyOf(all));
    }

    public boolean blocked() {
        return unresolvedHighRiskCount > 0 || !holds.isEmpty();
    }

    /** One line per hold and per blocking risk, for halt records, the remediation form and problem bodies. */
    public List<String> reasons() {
        List<String> reasons = new java.util.ArrayList<>(holds);
        reasons.addAll(blockingRisks.stream().map(BlockingRisk::reason).toList());
        long unnamed = unresolvedHighRiskCount - blockingRisks.size();
        if (unnamed > 0) {
            reasons.add("... and " + unnamed + " more unresolved HIGH or CRITICAL risks");
        }
        return reasons;
    }

    public record BlockingRisk(Long riskId, String title, Severity severity, RiskStatus status, boolean acceptedWithoutAuthority) {

        String reason() {
            String why = acceptedWithoutAuthority ? "accepted without governance-board authority" : "status " + status;
            return "Risk " + riskId + " '" + title + "' is " + severity + " (" + why + ")";
        }
    }
}
