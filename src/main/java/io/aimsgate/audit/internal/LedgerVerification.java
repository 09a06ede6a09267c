package io.aimsgate.audit.internal;

import io.aimsgate.audit.ChainCheck;
import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.audit.SigningKeys;
import io.aimsgate.observability.GovernanceMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code GET /api/audit/verify}, and the same check at {@code aims.audit.verify-interval}: the whole chain from its
 * first entry to the head, and every checkpoint. Each result is a metric ({@code aims_ledger_verification_ok}), so
 * monitoring alerts on a broken chain (docs/operations.md, "Metrics").
 */
@Service
class LedgerVerification {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerification.class);

    private final LedgerStore store;
    private final SigningKeys keys;
    private final GovernanceMetrics metrics;

    LedgerVerification(LedgerStore store, SigningKeys keys, GovernanceMetrics metrics) {
        this.store = store;
        this.keys = keys;
        this.metrics = metrics;
    }

    @Transactional(readOnly = true)
    ChainCheck.Result verify() {
        LedgerStore.Head head = store.head();
        ChainCheck check = new ChainCheck(0, LedgerFormat.GENESIS_HASH, store.checkpoints(), keys.publicKeys());
        store.forEachEntry(entry -> check.accept(LedgerFormat.entryJson(entry)));
        ChainCheck.Result result = check.finish(head.sequence(), head.hash());
        metrics.ledgerVerified(result.ok());
        return result;
    }

    @Scheduled(fixedDelayString = "${aims.audit.verify-interval:PT6H}", initialDelayString = "PT5M")
    void scheduled() {
        try {
            ChainCheck.Result result = verify();
            if (!result.ok()) {
                log.error("Decision ledger: verification failed: {}", result);
            }
        } catch (RuntimeException e) {
            log.warn("Decision ledger: the scheduled verification could not run; the next interval tries again", e);
        }
    }
}
