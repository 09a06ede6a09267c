package io.aimsgate.shared.ledger;

/**
 * The one ledger of decisions (docs/ledger.md). {@link #append} joins the caller's transaction, so an entry exists
 * exactly when the state change it records was committed; the actor is the authenticated user (or the platform when
 * it acts on its own), never a name the caller passes.
 */
public interface DecisionLedger {

    LedgerEntryView append(LedgerRecord record);
}
