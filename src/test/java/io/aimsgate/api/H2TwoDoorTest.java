package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** One rule set, two doors, on the embedded default (H2), in the context every H2 demo test shares. */
@H2DemoApp
class H2TwoDoorTest extends AbstractTwoDoorScenarios {
}
