package io.aimsgate.shared;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one transaction has read and may read again without asking the database, bound to the transaction as the
 * ledger binds its pending entries: each transaction has its own ({@link #current}), a transaction suspended for an
 * inner one (REQUIRES_NEW) sets its memo aside while the inner one runs with a memo of its own, and starts with an
 * empty one when it resumes (the inner one may have committed what it kept); the memo ends with the transaction.
 * Its owner keeps it in step with what it writes in the transaction.
 */
public final class TransactionMemo<M> {

    private final Supplier<M> empty;

    public TransactionMemo(Supplier<M> empty) {
        this.empty = empty;
    }

    /** The current transaction's memo; null outside a transaction (every read then asks the database). */
    public M current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Holder holder = (Holder) TransactionSynchronizationManager.getResource(this);
        if (holder == null) {
            holder = new Holder(empty.get());
            TransactionSynchronizationManager.bindResource(this, holder);
            TransactionSynchronizationManager.registerSynchronization(holder);
        }
        return holder.memo;
    }

    /** Empties the current transaction's memo, if it has one (something it keeps was written behind its back). */
    public void forget() {
        if (TransactionSynchronizationManager.getResource(this) instanceof TransactionMemo<?>.Holder holder) {
            @SuppressWarnings("unchecked")
            Holder own = (Holder) holder;
            own.memo = empty.get();
        }
    }

    private final class Holder implements TransactionSynchronization {

        private M memo;

        Holder(M memo) {
            this.memo = memo;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }

        @Override
        public void resume() {
            memo = empty.get();
            TransactionSynchronizationManager.bindResource(TransactionMemo.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(TransactionMemo.this);
        }
    }
}
