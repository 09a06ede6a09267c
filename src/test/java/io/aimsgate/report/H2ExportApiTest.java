package io.aimsgate.report;

import io.aimsgate.support.H2DemoApp;

/** The export scenarios on H2, demo profile. */
@H2DemoApp
class H2ExportApiTest extends AbstractExportScenarios {
}
