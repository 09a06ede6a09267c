package io.aimsgate.api;

import io.aimsgate.support.H2DemoApp;

/** The malformed-input corpus on the embedded default (shares its context with the other {@link H2DemoApp} tests). */
@H2DemoApp
class H2InputCorpusTest extends AbstractInputCorpus {
}
