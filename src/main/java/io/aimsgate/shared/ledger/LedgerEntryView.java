package io.aimsgate.shared.ledger;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of the chain as stored and as published ({@code GET /api/audit}, evidence pack {@code ledger/chain.jsonl}).
 * {@code snapshot} is canonical JSON text (RFC 8785), written into the JSON as an object. {@code hash} is
 * {@code audit.LedgerFormat.hashOf}: SHA-256 over the canonical JSON of every other field, {@code previousHash} included.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LedgerEntryView(long sequence,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = LedgerEntryView.TIME_PATTERN, timezone = "UTC") Instant time,
        String actor, String actorRole, String kind, String subjectType, String subjectId, Long systemId,
        String rationale, String processInstanceId, String taskId, @JsonRawValue String snapshot,
        String previousHash, String hash) {

    /** Times in the ledger: UTC with exactly six fraction digits (the canonical form hashes this text). */
    public static final String TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'";

}
