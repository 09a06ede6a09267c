package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** Issue 13's gate-integrity scenarios on the embedded default (shares the H2 demo context). */
@H2DemoApp
class H2GateIntegrityTest extends AbstractGateIntegrityScenarios {
}
