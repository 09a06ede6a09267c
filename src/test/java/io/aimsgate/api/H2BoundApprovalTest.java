package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** The bound-approval scenarios on the embedded default (H2), in the context every {@link H2DemoApp} class shares. */
@H2DemoApp
class H2BoundApprovalTest extends AbstractBoundApprovalScenarios {
}
