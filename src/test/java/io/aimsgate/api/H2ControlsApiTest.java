package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** Controls, SoA and obligations over HTTP on the embedded default (H2, demo profile; the shared H2 context). */
@H2DemoApp
class H2ControlsApiTest extends AbstractControlsScenarios {
}
