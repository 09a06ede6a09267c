package io.aimsgate.inventory;

/** Optional list filters for AI systems; null means "any". */
public record SystemFilter(EuAiActTier tier, LifecycleStage stage, AiType aiType, String businessOwner,
        String businessUnit, String nameContains) {
}
