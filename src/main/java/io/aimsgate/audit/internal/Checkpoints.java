package io.aimsgate.audit.internal;

import io.aimsgate.audit.CheckpointView;
import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.shared.ledger.LedgerRecord;
import io.aimsgate.shared.ledger.Snapshots;
import io.aimsgate.audit.SigningKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the chain head: at {@code aims.audit.checkpoint-interval} (every node tries; one signs, the
 * others find the head already signed) and on demand ({@code POST /api/audit/checkpoints}, before every evidence
 * pack). The head row is locked while signing, so the signed sequence and hash are the committed head.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final JdbcTemplate jdbc;
    private final LedgerStore store;
    private final SigningKeys keys;
    private final Clock clock;
    private final JdbcDecisionLedger ledger;

    Checkpoints(JdbcTemplate jdbc, LedgerStore store, SigningKeys keys, Clock clock, JdbcDecisionLedger ledger) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.store = store;
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${aims.audit.checkpoint-interval:PT1H}",
            initialDelayString = "${aims.audit.checkpoint-interval:PT1H}")
    void scheduled() {
        try {
            checkpoint().ifPresent(checkpoint -> log.info("Decision ledger: signed checkpoint at sequence {}",
                    checkpoint.sequence()));
        } catch (RuntimeException e) {
            log.warn("Decision ledger: the scheduled checkpoint failed; the next interval tries again", e);
        }
    }

    /**
     * A checkpoint someone asked for ({@code POST /api/audit/checkpoints}): who and why is itself an entry, and the
     * signed head is that entry.
     */
    @Transactional
    public CheckpointView onDemand(String reason, String actorRole) {
        ledger.append(new LedgerRecord("LEDGER_CHECKPOINT_REQUESTED", actorRole, "LEDGER", "checkpoint", null, reason,
                null, null, Snapshots.of("keyId", keys.current().keyId())));
        ledger.sequenceNow();
        return checkpoint().orElseThrow();
    }

    /**
     * Signs the current head unless the latest checkpoint already covers it; returns the checkpoint that covers the
     * head (new or existing), or empty while the ledger has no entry.
     */
    @Transactional
    public Optional<CheckpointView> checkpoint() {
        LedgerStore.Head head = store.lockHead();
        if (head.sequence() == 0) {
            return Optional.empty();
        }
        Optional<CheckpointView> latest = store.latestCheckpoint();
        if (latest.isPresent() && latest.get().sequence() == head.sequence()) {
            return latest;
        }
        Instant now = LedgerFormat.truncate(clock.instant());
        String keyId = keys.current().keyId();
        SigningKeys.Signed signed = keys.sign(LedgerFormat.checkpointSigningInput(head.sequence(), head.hash(), now,
                keyId));
        jdbc.update("INSERT INTO audit_checkpoint (seq, entry_hash, signed_at, key_id, signature) VALUES (?, ?, ?, ?, ?)",
                head.sequence(), head.hash(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), signed.keyId(),
                signed.signature());
        return Optional.of(new CheckpointView(head.sequence(), head.hash(), now, signed.keyId(), signed.algorithm(),
                signed.signature()));
    }
}
