package io.aimsgate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes a stretch of the chain, entry by entry in the order given, and checks the signed checkpoints against
 * it: the sequence has no gap and no step back, every {@code previousHash} is the hash of the entry before, every
 * hash matches its entry's content, every checkpoint's signature is valid for a known key at its time and names the
 * hash the chain has at its sequence. Used by {@code GET /api/audit/verify} and by the offline pack verifier; no
 * Spring, no database.
 */
public final class ChainCheck {

    /** A broken link: the sequence where it shows and what is wrong. */
    public record Problem(long sequence, String problem) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(boolean ok, long entriesChecked, long checkpointsChecked, Long firstSequence,
            Long lastSequence, String lastHash, Problem firstBroken, List<Problem> problems) {
    }

    private static final int MAX_PROBLEMS = 100;

    private final Map<Long, List<CheckpointView>> checkpointsBySequence = new HashMap<>();
    private final Map<CheckpointView, Boolean> checkpointMatched = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final long afterSequence;
    private long expected;
    private String previousHash;
    private long entries;
    private Long firstSequence;
    private long checkpointsChecked;

    /**
     * @param afterSequence the sequence the stretch starts after (0 for the whole chain)
     * @param hashAtAfterSequence the trusted hash of that entry ({@link LedgerFormat#GENESIS_HASH} for 0), e.g. from
     *        a signed checkpoint that is among {@code checkpoints}
     */
    public ChainCheck(long afterSequence, String hashAtAfterSequence, Collection<CheckpointView> checkpoints,
            Collection<PublicKeyView> keys) {
        this.afterSequence = afterSequence;
        this.expected = afterSequence + 1;
        this.previousHash = hashAtAfterSequence;
        Map<String, PublicKeyView> keysById = new HashMap<>();
        keys.forEach(key -> keysById.put(key.keyId(), key));
        for (CheckpointView checkpoint : checkpoints) {
            checkpointsChecked++;
            PublicKeyView key = keysById.get(checkpoint.keyId());
            if (key == null) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence()
                        + " is signed by unknown key " + checkpoint.keyId());
            } else if (!key.algorithm().equals(checkpoint.algorithm())) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence() + " names algorithm "
                        + checkpoint.algorithm() + " but key " + key.keyId() + " is " + key.algorithm());
            } else if (!LedgerFormat.verify(key.algorithm(), key.publicKey(), LedgerFormat.checkpointSigningInput(
                    checkpoint.sequence(), checkpoint.hash(), checkpoint.time(), checkpoint.keyId()),
                    checkpoint.signature())) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence()
                        + ": the signature does not verify");
            } else if (!key.isValidAt(checkpoint.time())) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence() + " was signed at "
                        + LedgerFormat.time(checkpoint.time()) + ", outside the validity of key " + key.keyId());
            }
            if (checkpoint.sequence() == afterSequence) {
                if (!checkpoint.hash().equals(hashAtAfterSequence)) {
                    problem(afterSequence, "the starting checkpoint at sequence " + afterSequence
                            + " does not name the starting hash");
                }
                checkpointMatched.put(checkpoint, true);
            } else if (checkpoint.sequence() < afterSequence) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence()
                        + " lies before the checked stretch");
            } else {
                checkpointsBySequence.computeIfAbsent(checkpoint.sequence(), s -> new ArrayList<>()).add(checkpoint);
                checkpointMatched.put(checkpoint, false);
            }
        }
    }

    /** The next entry, as its published JSON object (with {@code hash}). */
    public void accept(JsonNode entry) {
        long sequence = entry.path("sequence").asLong(-1);
        String storedHash = entry.path("hash").asText("");
        String previous = entry.path("previousHash").asText("");
        entries++;
        if (firstSequence == null) {
            firstSequence = sequence;
        }
        if (sequence > expected) {
            problem(expected, expected == sequence - 1 ? "entry " + expected + " is missing (deleted)"
                    : "entries " + expected + " to " + (sequence - 1) + " are missing (deleted)");
        } else if (sequence < expected) {
            problem(sequence, "entry " + sequence + " comes after entry " + (expected - 1)
                    + ": out of order or inserted");
        }
        if (!previous.equals(previousHash)) {
            problem(sequence, "entry " + sequence + ": previousHash is not the hash of the entry before it "
                    + "(an entry before it was changed, removed, inserted or moved)");
        }
        String computed;
        try {
            computed = LedgerFormat.hashOfEntryJson(entry);
        } catch (RuntimeException e) {
            computed = "";
        }
        if (!computed.equals(storedHash)) {
            problem(sequence, "entry " + sequence + " was changed: its content does not match its hash");
        }
        for (CheckpointView checkpoint : checkpointsBySequence.getOrDefault(sequence, List.of())) {
            checkpointMatched.put(checkpoint, true);
            if (!checkpoint.hash().equals(computed)) {
                problem(sequence, "checkpoint at sequence " + sequence + " signed hash " + checkpoint.hash()
                        + ", the chain has " + (computed.isEmpty() ? "an unreadable entry" : computed) + " there");
            }
        }
        previousHash = storedHash;
        expected = Math.max(expected, sequence + 1);
    }

    /**
     * Ends the stretch. {@code headSequence} and {@code headHash}, if given, are where the chain must end (the
     * database's chain head); entries removed from the end show there.
     */
    public Result finish(Long headSequence, String headHash) {
        long last = expected - 1;
        if (headSequence != null) {
            if (headSequence > last) {
                problem(last + 1, "the chain head is at sequence " + headSequence + " but the entries end at " + last
                        + ": entries at the end are missing (deleted)");
            } else if (headSequence < last) {
                problem(headSequence + 1, "entries after the chain head (" + headSequence + ") were inserted");
            } else if (headHash != null && !headHash.equals(previousHash)) {
                problem(last, "the chain head's hash is not the hash of the last entry " + last);
            }
        }
        checkpointMatched.forEach((checkpoint, matched) -> {
            if (!matched) {
                problem(checkpoint.sequence(), "checkpoint at sequence " + checkpoint.sequence()
                        + " names an entry that is not in the chain");
            }
        });
        problems.sort(Comparator.comparingLong(Problem::sequence));
        List<Problem> reported = problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems;
        return new Result(problems.isEmpty(), entries, checkpointsChecked, firstSequence,
                entries == 0 ? null : last, entries == 0 ? null : previousHash,
                problems.isEmpty() ? null : problems.get(0), List.copyOf(reported));
    }

    private void problem(long sequence, String text) {
        if (problems.size() < 10 * MAX_PROBLEMS) {
            problems.add(new Problem(sequence, text));
        }
    }
}
