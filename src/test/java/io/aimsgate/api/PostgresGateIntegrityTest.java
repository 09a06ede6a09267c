package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** Issue 13's gate-integrity scenarios on PostgreSQL (shares the PostgreSQL demo context). */
@PostgresDemoApp
class PostgresGateIntegrityTest extends AbstractGateIntegrityScenarios {
}
