package io.aimsgate.report;

import io.aimsgate.support.H2DemoApp;

/** The report scenarios on H2, demo profile. */
@H2DemoApp
class H2ReportApiTest extends AbstractReportScenarios {
}
