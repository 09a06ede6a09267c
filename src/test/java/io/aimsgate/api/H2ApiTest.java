package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/**
 * The HTTP scenarios on the embedded default: a fresh in-memory H2 database, demo profile. Shares its Spring context
 * with every other {@link H2DemoApp} test class (e.g. {@code security.EngineAdvisoryGuardTest}).
 */
@H2DemoApp
class H2ApiTest extends EngineSideDoorScenarios {
}
