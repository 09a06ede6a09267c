package io.aimsgate.gate;

import io.aimsgate.risk.RiskAssessment;
import java.time.Instant;
import java.util.List;

/**
 * What stops a request in the deployment gate right now, in two separate parts: the system's risk register (its
 * unresolved HIGH or CRITICAL risks, treated by the submitter) and holds from outside the register (e.g. a version
 * suspended by an open incident, lifted when the incident is resolved).
 */
public record DeploymentAssessment(RiskAssessment risk, List<String> holds) {

    public DeploymentAssessment {
        holds = List.copyOf(holds);
    }

    /** Unresolved high-severity risks block the request. */
    public boolean riskBlocked() {
        return risk.unresolvedHighRiskCount() > 0;
    }

    /** A hold from outside the register (an open incident) keeps the request from going on. */
    public boolean held() {
        return !holds.isEmpty();
    }

    public boolean blocked() {
        return riskBlocked() || held();
    }

    /** One line per blocking risk. */
    public List<String> riskReasons() {
        return risk.reasons();
    }

    public Instant assessedAt() {
        return risk.assessedAt();
    }
}
