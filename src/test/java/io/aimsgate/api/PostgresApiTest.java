package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** The same HTTP scenarios on PostgreSQL, on a fresh database, demo profile, in a context of its own. */
@PostgresDemoApp
class PostgresApiTest extends EngineSideDoorScenarios {
}
