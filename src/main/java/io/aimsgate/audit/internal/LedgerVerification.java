package io.aimsgate.audit.internal;

import io.aimsgate.audit.ChainCheck;
import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.audit.SigningKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code GET /api/audit/verify}: the whole chain from its first entry to the head, and every checkpoint. */
@Service
class LedgerVerification {

    private final LedgerStore store;
    private final SigningKeys keys;

    LedgerVerification(LedgerStore store, SigningKeys keys) {
        this.store = store;
        this.keys = keys;
    }

    @Transactional(readOnly = true)
    ChainCheck.Result verify() {
        LedgerStore.Head head = store.head();
        ChainCheck check = new ChainCheck(0, LedgerFormat.GENESIS_HASH, store.checkpoints(), keys.publicKeys());
        store.forEachEntry(entry -> check.accept(LedgerFormat.entryJson(entry)));
        return check.finish(head.sequence(), head.hash());
    }
}
