package io.aimsgate.api;

import io.aimsgate.support.PostgresDemoApp;

/** The bound-approval scenarios on PostgreSQL, in the context every {@link PostgresDemoApp} class shares. */
@PostgresDemoApp
class PostgresBoundApprovalTest extends AbstractBoundApprovalScenarios {
}
