package io.aimsgate.audit.internal;

import io.aimsgate.audit.SigningKeys;
import io.aimsgate.shared.signing.OrganisationSignatures;
import org.springframework.stereotype.Component;

/** The organisation's signing key ({@link SigningKeys}) offered to other features for statements they sign. */
@Component
class SigningKeysForStatements implements OrganisationSignatures {

    private final SigningKeys keys;

    SigningKeysForStatements(SigningKeys keys) {
        this.keys = keys;
    }

    @Override
    public String currentKeyId() {
        return keys.current().keyId();
    }

    @Override
    public Signature sign(byte[] data) {
        SigningKeys.Signed signed = keys.sign(data);
        return new Signature(signed.keyId(), signed.algorithm(), signed.signature());
    }

    @Override
    public boolean verify(String keyId, byte[] data, String signature) {
        return keys.verify(keyId, data, signature);
    }
}
