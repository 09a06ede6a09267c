package io.aimsgate.forms;

import io.aimsgate.support.H2DemoApp;

/** The engine form corpus on the embedded default (H2), in the context every H2 demo test shares. */
@H2DemoApp
class H2EngineFormCorpusTest extends AbstractEngineFormCorpus {
}
