package io.aimsgate.report;

import io.aimsgate.support.PostgresDemoApp;

/** The export scenarios on PostgreSQL, demo profile. */
@PostgresDemoApp
class PostgresExportApiTest extends AbstractExportScenarios {
}
