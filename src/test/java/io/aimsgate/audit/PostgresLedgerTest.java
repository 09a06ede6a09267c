package io.aimsgate.audit;

import io.aimsgate.support.EvidenceFilesDouble;
import io.aimsgate.support.PostgresDemoApp;
import org.springframework.context.annotation.Import;

/** The ledger scenarios on PostgreSQL, with the append-only triggers, on a fresh database of their own. */
@PostgresDemoApp
@Import(EvidenceFilesDouble.Config.class)
class PostgresLedgerTest extends AbstractLedgerScenarios {

    @Override
    boolean postgres() {
        return true;
    }
}
