package io.aimsgate.risk;

import java.util.EnumSet;
import java.util.Set;

/** Where a risk stands in its treatment; transitions are validated by {@link RiskService}. */
public enum RiskStatus {
    OPEN, IN_TREATMENT, MITIGATED, ACCEPTED, CLOSED;

    /** Statuses in which a HIGH or CRITICAL risk can block a deployment. */
    static final Set<RiskStatus> POSSIBLY_UNRESOLVED = EnumSet.of(OPEN, IN_TREATMENT, ACCEPTED);
}
