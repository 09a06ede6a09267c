package io.aimsgate.audit;

import io.aimsgate.support.EvidenceFilesDouble;
import io.aimsgate.support.H2DemoApp;
import org.springframework.context.annotation.Import;

/** The ledger scenarios on the embedded default (H2), with an in-memory evidence store for the pack. */
@H2DemoApp
@Import(EvidenceFilesDouble.Config.class)
class H2LedgerTest extends AbstractLedgerScenarios {

    @Override
    boolean postgres() {
        return false;
    }
}
