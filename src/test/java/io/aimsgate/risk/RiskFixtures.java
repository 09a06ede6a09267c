package io.aimsgate.risk;

import io.aimsgate.inventory.LifecycleStage;
import java.time.LocalDate;

/** The default 5x5 matrix and risk details for unit tests of the risk register. */
final class RiskFixtures {

    static final String DEFINITION_ID = "risk-severity:1:abc";

    private RiskFixtures() {
    }

    /** The default table of processes/risk-severity.dmn, written out row by row (likelihood 1..5). */
    static SeverityMatrix defaultMatrix() {
        Severity L = Severity.LOW;
        Severity M = Severity.MEDIUM;
        Severity H = Severity.HIGH;
        Severity C = Severity.CRITICAL;
        return new SeverityMatrix(DEFINITION_ID, new Severity[][] {
                {L, L, L, L, M},
                {L, L, M, M, H},
                {L, M, M, H, H},
                {L, M, H, H, C},
                {M, H, H, C, C}});
    }

    static RiskDetails details(int likelihood, int impact, Integer residualLikelihood, Integer residualImpact) {
        return new RiskDetails(LifecycleStage.DEPLOYMENT, StrideCategory.TAMPERING, "Prompt injection",
                "Crafted input overrides the system prompt", likelihood, impact, RiskTreatment.MITIGATE, "tom",
                LocalDate.of(2027, 1, 31), residualLikelihood, residualImpact);
    }
}
