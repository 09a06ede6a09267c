package io.aimsgate.risk;

import java.util.List;

/**
 * The system's HIGH and CRITICAL risks (in id order) under the risk-severity decision {@code severityDecisionId}
 * (the engine's id of the deployed decision definition that rated them).
 */
public record RegisterStanding(Long systemId, String severityDecisionId, List<RiskStanding> severeRisks) {

    public RegisterStanding {
        severeRisks = List.copyOf(severeRisks);
    }
}
