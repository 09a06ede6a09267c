package io.aimsgate.audit.internal;

import io.aimsgate.audit.CheckpointView;
import io.aimsgate.shared.ledger.LedgerEntryView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads of the ledger tables: entries (filtered, paged or streamed in order), checkpoints, the head. */
@Component
class LedgerStore {

    static final String ENTRY_COLUMNS = "seq, recorded_at, actor, actor_role, kind, subject_type, subject_id, "
            + "system_id, rationale, process_instance_id, task_id, snapshot, previous_hash, hash";

    static final RowMapper<LedgerEntryView> ENTRY = (rs, row) -> new LedgerEntryView(rs.getLong(1),
            rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getString(7), nullableLong(rs, 8), rs.getString(9), rs.getString(10),
            rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));

    static final RowMapper<CheckpointView> CHECKPOINT = (rs, row) -> new CheckpointView(rs.getLong(1),
            rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
            rs.getString(6));

    private static final String CHECKPOINT_SELECT = "SELECT c.seq, c.entry_hash, c.signed_at, c.key_id, k.algorithm, "
            + "c.signature FROM audit_checkpoint c JOIN audit_signing_key k ON k.key_id = c.key_id ";

    private final JdbcTemplate jdbc;

    LedgerStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Filter(Long systemId, String actor, String kind, Instant from, Instant to) {
    }

    record Head(long sequence, String hash) {
    }

    List<LedgerEntryView> find(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(size);
        args.add((long) page * size);
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM audit_entry" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", ENTRY, args.toArray());
    }

    long count(Filter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry" + where, Long.class, args.toArray());
    }

    private static String where(Filter filter, List<Object> args) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (filter.systemId() != null) {
            where.append(" AND system_id = ?");
            args.add(filter.systemId());
        }
        if (filter.actor() != null) {
            where.append(" AND actor = ?");
            args.add(filter.actor());
        }
        if (filter.kind() != null) {
            where.append(" AND kind = ?");
            args.add(filter.kind());
        }
        if (filter.from() != null) {
            where.append(" AND recorded_at >= ?");
            args.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            where.append(" AND recorded_at < ?");
            args.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        return where.toString();
    }

    /** Every entry with {@code from < seq <= to} in the order of the table's key, in batches (no whole-table read). */
    void forEachEntry(long from, long to, Consumer<LedgerEntryView> action) {
        long after = from;
        while (true) {
            List<LedgerEntryView> batch = jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM audit_entry WHERE seq > ? "
                    + "AND seq <= ? ORDER BY seq LIMIT 1000", ENTRY, after, to);
            batch.forEach(action);
            if (batch.size() < 1000) {
                return;
            }
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    /** Every entry, by sequence. */
    void forEachEntry(Consumer<LedgerEntryView> action) {
        forEachEntry(Long.MIN_VALUE, Long.MAX_VALUE, action);
    }

    Optional<Long> firstSequenceOfSystem(long systemId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(seq) FROM audit_entry WHERE system_id = ?",
                Long.class, systemId));
    }

    long countOfSystem(long systemId, long to) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE system_id = ? AND seq <= ?", Long.class,
                systemId, to);
    }

    List<CheckpointView> checkpoints() {
        return jdbc.query(CHECKPOINT_SELECT + "ORDER BY c.seq, c.id", CHECKPOINT);
    }

    List<CheckpointView> checkpointsBetween(long from, long to) {
        return jdbc.query(CHECKPOINT_SELECT + "WHERE c.seq >= ? AND c.seq <= ? ORDER BY c.seq, c.id", CHECKPOINT,
                from, to);
    }

    Optional<CheckpointView> latestCheckpoint() {
        return jdbc.query(CHECKPOINT_SELECT + "ORDER BY c.seq DESC, c.id DESC LIMIT 1", CHECKPOINT).stream()
                .findFirst();
    }

    /** The latest checkpoint strictly before {@code sequence}: where a pack's stretch of the chain starts. */
    Optional<CheckpointView> latestCheckpointBefore(long sequence) {
        return jdbc.query(CHECKPOINT_SELECT + "WHERE c.seq < ? ORDER BY c.seq DESC, c.id DESC LIMIT 1", CHECKPOINT,
                sequence).stream().findFirst();
    }

    Head head() {
        return jdbc.queryForObject("SELECT seq, hash FROM audit_head WHERE id = 1",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    Head lockHead() {
        return jdbc.queryForObject("SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    Optional<String> hashAt(long sequence) {
        return jdbc.query("SELECT hash FROM audit_entry WHERE seq = ?", (rs, row) -> rs.getString(1), sequence)
                .stream().findFirst();
    }

    private static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
