package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** The management system scenarios on H2, demo profile. */
@H2DemoApp
class H2ManagementSystemTest extends AbstractManagementSystemScenarios {
}
