package io.aimsgate.inventory;

/** EU AI Act risk tier (Regulation (EU) 2024/1689). */
public enum EuAiActTier {
    UNACCEPTABLE, HIGH, TRANSPARENCY, MINIMAL
}
