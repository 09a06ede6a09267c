package io.aimsgate.report;

import io.aimsgate.support.PostgresDemoApp;

/** The report scenarios on PostgreSQL, demo profile. */
@PostgresDemoApp
class PostgresReportApiTest extends AbstractReportScenarios {
}
