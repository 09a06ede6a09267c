package io.aimsgate.risk;

import io.aimsgate.support.PostgresDemoApp;

/**
 * The tally scenarios on PostgreSQL: real row locks and READ COMMITTED, where lost updates and deadlocks would show.
 */
@PostgresDemoApp
class PostgresRiskTallyTest extends RiskTallyScenarios {
}
