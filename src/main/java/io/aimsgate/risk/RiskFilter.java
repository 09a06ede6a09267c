package io.aimsgate.risk;

import io.aimsgate.inventory.LifecycleStage;

/** Optional filters for listing a system's risks; null means "any". */
public record RiskFilter(RiskStatus status, Severity severity, LifecycleStage stage, StrideCategory stride) {
}
