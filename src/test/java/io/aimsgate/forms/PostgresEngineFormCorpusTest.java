package io.aimsgate.forms;

import io.aimsgate.support.PostgresDemoApp;

/** The engine form corpus on PostgreSQL (embedded unless AIMS_TEST_DB_URL names a server). */
@PostgresDemoApp
class PostgresEngineFormCorpusTest extends AbstractEngineFormCorpus {
}
