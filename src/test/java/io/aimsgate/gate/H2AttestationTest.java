package io.aimsgate.gate;

import io.aimsgate.support.H2DemoApp;

/** The attestation scenarios on the embedded default (H2), sharing the context of every {@link H2DemoApp} class. */
@H2DemoApp
class H2AttestationTest extends AbstractAttestationScenarios {
}
