package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** The management system scenarios on PostgreSQL, demo profile. */
@PostgresDemoApp
class PostgresManagementSystemTest extends AbstractManagementSystemScenarios {
}
