package io.aimsgate.evidence;

import io.aimsgate.support.H2DemoApp;

/** The evidence scenarios on the embedded default (H2), sharing the context of every {@link H2DemoApp} class. */
@H2DemoApp
class H2EvidenceTest extends AbstractEvidenceScenarios {
}
