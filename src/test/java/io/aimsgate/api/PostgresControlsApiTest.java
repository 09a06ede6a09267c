package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** Controls, SoA and obligations over HTTP on PostgreSQL (demo profile; the shared PostgreSQL context). */
@PostgresDemoApp
class PostgresControlsApiTest extends AbstractControlsScenarios {
}
