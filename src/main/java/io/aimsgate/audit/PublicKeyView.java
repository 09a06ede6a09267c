package io.aimsgate.audit;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A public key of the platform's signing key: {@code algorithm} is {@code Ed25519} or {@code SHA256withECDSA}
 * (P-256), {@code publicKey} the base64 of its X.509 SubjectPublicKeyInfo (DER), {@code keyId} the hex SHA-256 of
 * those DER bytes. Signatures made at a time outside [{@code validFrom}, {@code validTo}] are not accepted;
 * {@code validTo} is null for a key without an expiry.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PublicKeyView(String keyId, String algorithm, String publicKey,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = LedgerFormat.TIME_PATTERN, timezone = "UTC") Instant validFrom,
        @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = LedgerFormat.TIME_PATTERN, timezone = "UTC") Instant validTo) {

    public boolean isValidAt(Instant time) {
        return !time.isBefore(validFrom) && (validTo == null || !time.isAfter(validTo));
    }
}
