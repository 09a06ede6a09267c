package io.aimsgate.audit.internal;

import io.aimsgate.observability.GovernanceMetrics;
import io.aimsgate.shared.Actors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aimsgate.shared.ledger.DecisionLedger;
import io.aimsgate.shared.ledger.LedgerEntryView;
import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.shared.ledger.LedgerRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends to the chain in the caller's transaction (MANDATORY: an entry without the state change, or the change
 * without its entry, cannot commit). An entry is checked and its snapshot made canonical when it is appended, but it
 * takes its place in the chain only when the transaction commits: just before the commit, the head row is locked
 * ({@code SELECT ... FOR UPDATE}), the transaction's entries are numbered and hashed in the order they were appended,
 * and the head moves on. Appends from every node and thread are serialised by the database as before, but each holds
 * the head row only from then to its commit, not while the rest of its transaction (the engine's work, which
 * Camunda writes at the end of its command) runs: the lock is what limited concurrent gates (docs/benchmarks.md).
 */
@Service
class JdbcDecisionLedger implements DecisionLedger {

    static final int MAX_SNAPSHOT = 32000;
    static final int MAX_RATIONALE = 8000;
    private static final int MAX_TEXT = 255;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper snapshots = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final GovernanceMetrics metrics;
    private final ObjectProvider<EntityManagerFactory> entityManagers;
    private final LedgerStore store;

    JdbcDecisionLedger(JdbcTemplate jdbc, Clock clock, GovernanceMetrics metrics,
            ObjectProvider<EntityManagerFactory> entityManagers, LedgerStore store) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        this.metrics = metrics;
        this.entityManagers = entityManagers;
    }

    @Override
    public void append(LedgerRecord record, Consumer<LedgerEntryView> sequenced) {
        Objects.requireNonNull(record.kind(), "kind");
        Objects.requireNonNull(record.subjectType(), "subjectType");
        Objects.requireNonNull(record.subjectId(), "subjectId");
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalTransactionStateException(
                    "A ledger entry is appended only inside the transaction of the change it records");
        }
        Unsequenced entry = new Unsequenced(clip(Actors.acting(), MAX_TEXT), clip(record.actorRole(), 100),
                clip(record.kind(), 64), clip(record.subjectType(), 64), clip(record.subjectId(), MAX_TEXT),
                record.systemId(), clip(record.rationale(), MAX_RATIONALE), clip(record.processInstanceId(), 64),
                clip(record.taskId(), 64), canonicalSnapshot(record.snapshot()), sequenced);
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.queue.add(entry);
        if (pending.sequencing && !pending.looping) {
            // appended after the entries were sequenced (by another synchronisation before the commit)
            pending.sequence();
        }
    }

    /**
     * Numbers, hashes and writes the transaction's entries now rather than at its commit (and holds the head row from
     * now to the commit): for the rare caller that must read the chain in the same transaction.
     */
    void sequenceNow() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            pending.sequence();
        }
    }

    /** The transaction's entries, in the order they were appended, until it commits. */
    private final class Pending implements TransactionSynchronization {

        private final Deque<Unsequenced> queue = new ArrayDeque<>();
        private LedgerStore.Head head;
        private boolean sequencing;
        private boolean looping;

        /** Entries appended by a callback of this loop join the queue and are sequenced by the same loop. */
        void sequence() {
            sequencing = true;
            if (queue.isEmpty()) {
                return;
            }
            if (head == null) {
                // The head row is the last lock the transaction takes: its pending JPA changes are written (and
                // their rows locked) first, so a transaction waiting for the head never holds a row the head's holder
                // still has to write (no deadlock between the head and, say, a risk row two writers both change).
                flushEntityManager();
                head = store.lockHead();
            }
            looping = true;
            try {
                Unsequenced next;
                while ((next = queue.poll()) != null) {
                    LedgerEntryView entry = write(next, head);
                    // one entry at a time: the database refuses a head that skips an entry (V7_5_1)
                    jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", entry.sequence(), entry.hash());
                    head = new LedgerStore.Head(entry.sequence(), entry.hash());
                    metrics.ledgerAppended(entry.kind());
                    if (next.sequenced() != null) {
                        next.sequenced().accept(entry);
                    }
                }
            } finally {
                looping = false;
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            sequence();
        }

        /** An inner transaction (REQUIRES_NEW) has entries of its own: this one's are set aside with it. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcDecisionLedger.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(JdbcDecisionLedger.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcDecisionLedger.this);
        }

        @Override
        public int getOrder() {
            // after every other synchronisation's beforeCommit (the risk tally's locks included), so the head row is
            // the transaction's last lock and whatever they append is in this commit too
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    private void flushEntityManager() {
        EntityManagerFactory factory = entityManagers.getIfAvailable();
        if (factory != null) {
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
            if (entityManager != null) {
                try {
                    entityManager.flush();
                } catch (RuntimeException e) {
                    // as the commit's own flush would have reported it (e.g. an optimistic locking failure)
                    RuntimeException translated = EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
                    throw translated != null ? translated : e;
                }
            }
        }
    }

    private LedgerEntryView write(Unsequenced next, LedgerStore.Head head) {
        LedgerEntryView unhashed = new LedgerEntryView(head.sequence() + 1, LedgerFormat.truncate(clock.instant()),
                next.actor(), next.actorRole(), next.kind(), next.subjectType(), next.subjectId(), next.systemId(),
                next.rationale(), next.processInstanceId(), next.taskId(), next.snapshot(), head.hash(), null);
        String hash = LedgerFormat.hashOf(unhashed);
        LedgerEntryView entry = new LedgerEntryView(unhashed.sequence(), unhashed.time(), unhashed.actor(),
                unhashed.actorRole(), unhashed.kind(), unhashed.subjectType(), unhashed.subjectId(),
                unhashed.systemId(), unhashed.rationale(), unhashed.processInstanceId(), unhashed.taskId(),
                unhashed.snapshot(), unhashed.previousHash(), hash);
        jdbc.update("""
                INSERT INTO audit_entry (seq, recorded_at, actor, actor_role, kind, subject_type, subject_id, system_id,
                  rationale, process_instance_id, task_id, snapshot, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                entry.sequence(), OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC), entry.actor(),
                entry.actorRole(), entry.kind(), entry.subjectType(), entry.subjectId(), entry.systemId(),
                entry.rationale(), entry.processInstanceId(), entry.taskId(), entry.snapshot(), entry.previousHash(),
                entry.hash());
        return entry;
    }

    private String canonicalSnapshot(Map<String, Object> snapshot) {
        try {
            String json = LedgerFormat.canonical(snapshots.writeValueAsString(snapshot == null ? Map.of() : snapshot));
            if (json.length() > MAX_SNAPSHOT) {
                throw new IllegalArgumentException("A ledger snapshot is limited to " + MAX_SNAPSHOT
                        + " characters of JSON; was " + json.length());
            }
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A ledger snapshot must be JSON-serialisable", e);
        }
    }

    private static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** An entry as appended: everything but its place in the chain (sequence, time, previous hash, hash). */
    private record Unsequenced(String actor, String actorRole, String kind, String subjectType, String subjectId,
            Long systemId, String rationale, String processInstanceId, String taskId, String snapshot,
            Consumer<LedgerEntryView> sequenced) {
    }
}
