package io.aimsgate.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;

/**
 * A signed chain head: {@code signature} is the base64 signature, by key {@code keyId}, of
 * {@link LedgerFormat#checkpointSigningInput} over ({@code sequence}, {@code hash}, {@code time}, {@code keyId}).
 */
public record CheckpointView(long sequence, String hash,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = LedgerFormat.TIME_PATTERN, timezone = "UTC") Instant time,
        String keyId, String algorithm, String signature) {
}
