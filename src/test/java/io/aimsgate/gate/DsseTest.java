package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.audit.LedgerFormat;
import io.aimsgate.shared.signing.OrganisationSignatures;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** DSSE's pre-authentication encoding (the specification's own example) and signing with either key type. */
class DsseTest {

    @Test
    void paeIsTheSpecificationsEncoding() {
        // protocol.md of the DSSE specification: PAE("http://example.com/HelloWorld", "hello world").
        assertThat(new String(Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
        // Lengths are byte counts, not character counts.
        assertThat(Dsse.pae("t", "é".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("DSSEv1 1 t 2 é".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(Dsse.pae("", new byte[0]), StandardCharsets.UTF_8)).isEqualTo("DSSEv1 0  0 ");
    }

    @ParameterizedTest
    @ValueSource(strings = {LedgerFormat.ED25519, LedgerFormat.ECDSA_P256})
    void anEnvelopeVerifiesAndAnyAlterationFails(String algorithm) throws Exception {
        TestKeys keys = new TestKeys(algorithm);
        byte[] statement = "{\"_type\":\"https://in-toto.io/Statement/v1\"}".getBytes(StandardCharsets.UTF_8);
        Dsse.Envelope envelope = Dsse.sign(Dsse.IN_TOTO, statement, keys);

        assertThat(envelope.payloadType()).isEqualTo(Dsse.IN_TOTO);
        assertThat(envelope.payloadBytes()).isEqualTo(statement);
        assertThat(envelope.signatures()).singleElement().satisfies(s -> assertThat(s.keyid())
                .isEqualTo(keys.currentKeyId()));
        assertThat(Dsse.verify(envelope, keys)).isTrue();

        // The signature is over PAE(type, payload), never the bare payload.
        java.security.Signature direct = java.security.Signature.getInstance(algorithm);
        direct.initVerify(keys.pair.getPublic());
        direct.update(Dsse.pae(Dsse.IN_TOTO, statement));
        assertThat(direct.verify(Base64.getDecoder().decode(envelope.signatures().get(0).sig()))).isTrue();

        byte[] changed = statement.clone();
        changed[changed.length - 3] = 'X';
        assertThat(Dsse.verify(new Dsse.Envelope(Dsse.IN_TOTO, Base64.getEncoder().encodeToString(changed),
                envelope.signatures()), keys)).isFalse();
        assertThat(Dsse.verify(new Dsse.Envelope("application/json", envelope.payload(), envelope.signatures()), keys))
                .isFalse();
        assertThat(Dsse.verify(new Dsse.Envelope(Dsse.IN_TOTO, envelope.payload(),
                List.of(new Dsse.Signature("unknown-key", envelope.signatures().get(0).sig()))), keys)).isFalse();
        assertThat(Dsse.verify(new Dsse.Envelope(Dsse.IN_TOTO, "not base64!", envelope.signatures()), keys)).isFalse();
        assertThat(Dsse.verify(new Dsse.Envelope(Dsse.IN_TOTO, envelope.payload(), List.of()), keys)).isFalse();
    }

    /** An in-memory organisation key of either kind the platform accepts. */
    static final class TestKeys implements OrganisationSignatures {

        private final String algorithm;
        final KeyPair pair;
        private final String keyId;

        TestKeys(String algorithm) throws GeneralSecurityException {
            this.algorithm = algorithm;
            if (LedgerFormat.ED25519.equals(algorithm)) {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } else {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                pair = generator.generateKeyPair();
            }
            keyId = LedgerFormat.keyId(pair.getPublic().getEncoded());
        }

        @Override
        public String currentKeyId() {
            return keyId;
        }

        @Override
        public Signature sign(byte[] data) {
            try {
                java.security.Signature signer = java.security.Signature.getInstance(algorithm);
                signer.initSign(pair.getPrivate());
                signer.update(data);
                return new Signature(keyId, algorithm, Base64.getEncoder().encodeToString(signer.sign()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean verify(String keyId, byte[] data, String signature) {
            return this.keyId.equals(keyId) && LedgerFormat.verify(algorithm,
                    Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), data, signature);
        }
    }
}
