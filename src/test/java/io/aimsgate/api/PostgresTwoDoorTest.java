package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** One rule set, two doors, on PostgreSQL (embedded). */
@PostgresDemoApp
class PostgresTwoDoorTest extends AbstractTwoDoorScenarios {
}
