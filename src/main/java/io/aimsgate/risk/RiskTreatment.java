package io.aimsgate.risk;

/** Risk treatment options (clause 6.1.3). */
public enum RiskTreatment {
    MITIGATE, ACCEPT, TRANSFER, AVOID
}
