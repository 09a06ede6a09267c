package io.aimsgate.audit;

import io.aimsgate.shared.ledger.LedgerEntryView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * The ledger's format, in one place and without Spring, so that the server, the offline verifier
 * ({@code java -jar aims-gate.jar verify-pack}) and docs/ledger.md agree:
 * <ul>
 *   <li>an entry is the JSON object of {@link #entryJson}; its {@code hash} is the lower-case hex SHA-256 of the UTF-8
 *       bytes of the RFC 8785 canonical form of that object without {@code hash} (so {@code previousHash} is
 *       covered); the first entry's {@code previousHash} is 64 zeros;</li>
 *   <li>times are UTC with exactly six fraction digits ({@link #TIME_PATTERN});</li>
 *   <li>a checkpoint signs the canonical JSON of {@code {"sequence","hash","time","keyId"}}.</li>
 * </ul>
 */
public final class LedgerFormat {

    public static final String TIME_PATTERN = LedgerEntryView.TIME_PATTERN;
    public static final String GENESIS_HASH = "0".repeat(64);
    public static final String ED25519 = "Ed25519";
    public static final String ECDSA_P256 = "SHA256withECDSA";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN).withZone(ZoneOffset.UTC);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private LedgerFormat() {
    }

    /** Ledger times have microsecond precision (what both databases store). */
    public static Instant truncate(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    public static String time(Instant time) {
        return TIME.format(truncate(time));
    }

    public static Instant parseTime(String text) {
        return Instant.from(TIME.parse(text));
    }

    /** The published JSON object of an entry, {@code hash} included. */
    public static ObjectNode entryJson(LedgerEntryView entry) {
        ObjectNode node = NODES.objectNode();
        node.put("sequence", entry.sequence());
        node.put("time", time(entry.time()));
        node.put("actor", entry.actor());
        node.put("actorRole", entry.actorRole());
        node.put("kind", entry.kind());
        node.put("subjectType", entry.subjectType());
        node.put("subjectId", entry.subjectId());
        if (entry.systemId() == null) {
            node.putNull("systemId");
        } else {
            node.put("systemId", entry.systemId());
        }
        node.put("rationale", entry.rationale());
        node.put("processInstanceId", entry.processInstanceId());
        node.put("taskId", entry.taskId());
        node.set("snapshot", parse(entry.snapshot()));
        node.put("previousHash", entry.previousHash());
        node.put("hash", entry.hash());
        return node;
    }

    /** The entry's hash: over {@link #entryJson} without {@code hash}. */
    public static String hashOf(LedgerEntryView entry) {
        return hashOfEntryJson(entryJson(entry));
    }

    /** The hash of a published entry object (as read from a pack): its {@code hash} member is left out. */
    public static String hashOfEntryJson(JsonNode entry) {
        ObjectNode copy = entry.deepCopy();
        copy.remove("hash");
        return sha256Hex(canonicalBytes(copy));
    }

    /** The bytes a checkpoint's signature covers. */
    public static byte[] checkpointSigningInput(long sequence, String hash, Instant time, String keyId) {
        ObjectNode node = NODES.objectNode();
        node.put("sequence", sequence);
        node.put("hash", hash);
        node.put("time", time(time));
        node.put("keyId", keyId);
        return canonicalBytes(node);
    }

    /** RFC 8785 canonical form of any JSON text. */
    public static String canonical(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not canonicalisable JSON: " + e.getMessage(), e);
        }
    }

    public static byte[] canonicalBytes(JsonNode node) {
        try {
            return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedUTF8();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256().digest(data));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key id of a public key: hex SHA-256 of its X.509 SubjectPublicKeyInfo DER bytes. */
    public static String keyId(byte[] subjectPublicKeyInfo) {
        return sha256Hex(subjectPublicKeyInfo);
    }

    /** Verifies a base64 signature with a base64 X.509 public key; false for anything malformed. */
    public static boolean verify(String algorithm, String publicKeyBase64, byte[] data, String signatureBase64) {
        try {
            byte[] der = Base64.getDecoder().decode(publicKeyBase64);
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey(algorithm, der));
            verifier.update(data);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static PublicKey publicKey(String algorithm, byte[] der) throws GeneralSecurityException {
        String keyAlgorithm = switch (algorithm) {
            case ED25519 -> ED25519;
            case ECDSA_P256 -> "EC";
            default -> throw new GeneralSecurityException("Unsupported signature algorithm " + algorithm);
        };
        return KeyFactory.getInstance(keyAlgorithm).generatePublic(new X509EncodedKeySpec(der));
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
