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
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the chain in the caller's transaction (MANDATORY: an entry without the state change, or the change
 * without its entry, cannot commit). The head row is locked first ({@code SELECT ... FOR UPDATE}), so appends from
 * every node and thread are serialised by the database: each takes the next sequence number and the previous hash,
 * and holds the lock until its transaction ends.
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

    JdbcDecisionLedger(JdbcTemplate jdbc, Clock clock, GovernanceMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public LedgerEntryView append(LedgerRecord record) {
        Objects.requireNonNull(record.kind(), "kind");
        Objects.requireNonNull(record.subjectType(), "subjectType");
        Objects.requireNonNull(record.subjectId(), "subjectId");
        String snapshot = canonicalSnapshot(record.snapshot());
        Head head = jdbc.queryForObject("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
        LedgerEntryView unhashed = new LedgerEntryView(head.seq() + 1, LedgerFormat.truncate(clock.instant()),
                clip(Actors.acting(), MAX_TEXT), clip(record.actorRole(), 100), clip(record.kind(), 64),
                clip(record.subjectType(), 64), clip(record.subjectId(), MAX_TEXT), record.systemId(),
                clip(record.rationale(), MAX_RATIONALE), clip(record.processInstanceId(), 64),
                clip(record.taskId(), 64), snapshot, head.hash(), null);
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
        jdbc.update("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", entry.sequence(), entry.hash());
        metrics.ledgerAppended(record.kind());
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

    private record Head(long seq, String hash) {
    }
}
