package io.aimsgate.inventory;

/**
 * Published inside the transaction that creates an AI system, for features that keep per-system rows (the risk
 * register's cell tally).
 */
public record SystemCreated(Long systemId) {
}
