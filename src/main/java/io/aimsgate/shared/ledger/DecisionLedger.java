package io.aimsgate.shared.ledger;

import java.util.function.Consumer;

/**
 * The one ledger of decisions (docs/ledger.md). {@link #append} joins the caller's transaction, so an entry exists
 * exactly when the state change it records was committed; the actor is the authenticated user (or the platform when
 * it acts on its own), never a name the caller passes. An entry takes its place in the chain (sequence number, time,
 * hash) when the transaction commits, in the order the transaction appended its entries.
 */
public interface DecisionLedger {

    /** Appends the record; outside a transaction it fails ({@code IllegalTransactionStateException}). */
    default void append(LedgerRecord record) {
        append(record, null);
    }

    /**
     * Appends the record and hands its entry, once it has its place in the chain, to {@code sequenced}: still inside
     * the transaction, just before it commits, for what must name the entry (a signed statement, an approval).
     */
    void append(LedgerRecord record, Consumer<LedgerEntryView> sequenced);
}
