package io.aimsgate.risk;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A risk of the register as it bears on a deployment decision: a risk whose current cell is HIGH or CRITICAL under
 * the risk appetite in force, with its status and, if accepted, by whom, with which authority and until when.
 */
public record RiskStanding(Long riskId, String title, Severity severity, RiskStatus status, boolean acceptedByBoard,
        String acceptedBy, Instant acceptedAt, LocalDate acceptanceExpiresOn) {
}
