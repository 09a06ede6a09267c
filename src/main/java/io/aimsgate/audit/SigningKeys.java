package io.aimsgate.audit;

import java.util.List;

/**
 * The organisation's signing key (operator's PKCS12 keystore, or the key the embedded default generates under
 * {@code ./data/}) and every public key the platform has used, with validity. Signs ledger checkpoints and evidence
 * pack manifests; meant for any other statement the platform signs (e.g. deployment attestations).
 */
public interface SigningKeys {

    /** The key new signatures are made with. */
    PublicKeyView current();

    /** Every key ever used, oldest first. */
    List<PublicKeyView> publicKeys();

    /** Signs with the current key. */
    Signed sign(byte[] data);

    /** Whether {@code signature} (base64) is a valid signature of {@code data} by the known key {@code keyId}. */
    boolean verify(String keyId, byte[] data, String signature);

    record Signed(String keyId, String algorithm, String signature) {
    }
}
