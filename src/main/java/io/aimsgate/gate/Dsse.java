package io.aimsgate.gate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.aimsgate.shared.signing.OrganisationSignatures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The Dead Simple Signing Envelope (DSSE v1, github.com/secure-systems-lab/dsse, envelope.md and protocol.md):
 * the signature is over {@code PAE(payloadType, payload)} =
 * {@code "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body}, lengths as ASCII decimal byte counts; the envelope
 * carries the payload base64-encoded. Checked by an implementation we did not write (e2e, @sigstore/verify).
 */
final class Dsse {

    /** The payload type of an in-toto statement. */
    static final String IN_TOTO = "application/vnd.in-toto+json";

    private Dsse() {
    }

    @JsonPropertyOrder({"payloadType", "payload", "signatures"})
    record Envelope(String payloadType, String payload, List<Signature> signatures) {

        byte[] payloadBytes() {
            return Base64.getDecoder().decode(payload);
        }
    }

    @JsonPropertyOrder({"keyid", "sig"})
    record Signature(String keyid, String sig) {
    }

    static byte[] pae(String payloadType, byte[] payload) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + type.length + 32);
        out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(type);
        out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Signs the payload with the organisation's current key; the signature's keyid is that key's id. */
    static Envelope sign(String payloadType, byte[] payload, OrganisationSignatures keys) {
        OrganisationSignatures.Signature signed = keys.sign(pae(payloadType, payload));
        return new Envelope(payloadType, Base64.getEncoder().encodeToString(payload),
                List.of(new Signature(signed.keyId(), signed.value())));
    }

    /** Whether at least one signature is a valid one by a key the platform knows (any signature may be checked). */
    static boolean verify(Envelope envelope, OrganisationSignatures keys) {
        byte[] pae;
        try {
            pae = pae(envelope.payloadType(), envelope.payloadBytes());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return envelope.signatures() != null && envelope.signatures().stream()
                .anyMatch(s -> s.keyid() != null && s.sig() != null && keys.verify(s.keyid(), pae, s.sig()));
    }
}
