package io.aimsgate.evidence;

import io.aimsgate.support.PostgresDemoApp;

/** The evidence scenarios on PostgreSQL: chunked contents in bytea rows, the same answers as on H2. */
@PostgresDemoApp
class PostgresEvidenceTest extends AbstractEvidenceScenarios {
}
