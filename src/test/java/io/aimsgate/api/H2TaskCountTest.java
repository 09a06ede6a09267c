package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** The task count scenarios on H2 (the engine's own SQL), in the shared demo context. */
@H2DemoApp
class H2TaskCountTest extends AbstractTaskCountScenarios {

    @Override
    String expectedAuthJoinStart() {
        return "IN (";
    }

    @Override
    String expectedAuthorizedGroupIdsStatement() {
        return "selectAuthorizedGroupIds";
    }

    @Override
    String expectedTaskCountStatement() {
        return "selectTaskCountByQueryCriteria";
    }
}
