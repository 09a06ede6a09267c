package io.aimsgate.risk;

import io.aimsgate.support.H2DemoApp;

/** The tally scenarios on the embedded default database (H2), in the shared demo context. */
@H2DemoApp
class H2RiskTallyTest extends RiskTallyScenarios {
}
