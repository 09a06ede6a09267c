package io.aimsgate.shared.signing;

/**
 * Signatures with the organisation's key, for features that sign statements of their own (the deployment gate's
 * signed decisions). Implemented by the audit feature over its one key management ({@code audit.SigningKeys}: the
 * operator's keystore or the embedded default under {@code ./data}), so every signature the platform makes is by a
 * key that {@code GET /api/audit/keys} publishes, under the id it publishes.
 */
public interface OrganisationSignatures {

    /** The id of the key {@link #sign} signs with now (as {@code GET /api/audit/keys} lists it). */
    String currentKeyId();

    /** Signs with the current key. */
    Signature sign(byte[] data);

    /** Whether {@code signature} (base64) is a valid signature of {@code data} by the known key {@code keyId}. */
    boolean verify(String keyId, byte[] data, String signature);

    /** {@code algorithm} is {@code Ed25519} or {@code SHA256withECDSA}; {@code value} the base64 signature. */
    record Signature(String keyId, String algorithm, String value) {
    }
}
