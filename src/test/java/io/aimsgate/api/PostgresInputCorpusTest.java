package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** The malformed-input corpus on PostgreSQL. */
@PostgresDemoApp
class PostgresInputCorpusTest extends AbstractInputCorpus {
}
