package io.aimsgate.audit;

import io.aimsgate.shared.ledger.LedgerEntryView;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger format as docs/ledger.md states it, checked against hand-written canonical text (not against the
 * code's own canonicaliser), and the chain check on a chain built here.
 */
class LedgerFormatTest {

    private static final Instant TIME = Instant.parse("2026-12-06T10:15:30.123456Z");

    @Test
    void theHashIsSha256OverTheCanonicalEntryWithoutItsHash() throws Exception {
        LedgerEntryView entry = new LedgerEntryView(7, TIME, "olivia", "ACCOUNTABLE", "GATE_APPROVED",
                "DEPLOYMENT_REQUEST", "12", 3L, "Risk \"accepted\" \u00e9", "pi-1", null,
                LedgerFormat.canonical("{\"b\":1.50,\"a\":[true,null]}"), "ab".repeat(32), null);
        // RFC 8785 by hand: members sorted by UTF-16 code units, no whitespace, 1.50 -> 1.5, non-ASCII kept as UTF-8.
        String expected = "{\"actor\":\"olivia\",\"actorRole\":\"ACCOUNTABLE\",\"kind\":\"GATE_APPROVED\","
                + "\"previousHash\":\"" + "ab".repeat(32) + "\",\"processInstanceId\":\"pi-1\","
                + "\"rationale\":\"Risk \\\"accepted\\\" \u00e9\",\"sequence\":7,\"snapshot\":{\"a\":[true,null],"
                + "\"b\":1.5},\"subjectId\":\"12\",\"subjectType\":\"DEPLOYMENT_REQUEST\",\"systemId\":3,"
                + "\"taskId\":null,\"time\":\"2026-12-06T10:15:30.123456Z\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(LedgerFormat.hashOf(entry)).isEqualTo(HexFormat.of().formatHex(digest));

        // The published object (any member order, any whitespace) hashes the same once 'hash' is left out.
        ObjectNode published = LedgerFormat.entryJson(entry);
        String reordered = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(published);
        assertThat(LedgerFormat.hashOfEntryJson(new ObjectMapper().readTree(reordered)))
                .isEqualTo(LedgerFormat.hashOf(entry));
    }

    @Test
    void timesHaveExactlySixFractionDigits() {
        assertThat(LedgerFormat.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(LedgerFormat.time(Instant.parse("2026-01-02T03:04:05.123456789Z")))
                .isEqualTo("2026-01-02T03:04:05.123456Z");
        assertThat(LedgerFormat.parseTime("2026-01-02T03:04:05.120000Z"))
                .isEqualTo(Instant.parse("2026-01-02T03:04:05.12Z"));
    }

    @Test
    void aCheckpointSignsTheCanonicalHeadAndVerifiesWithThePublishedKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String keyId = LedgerFormat.keyId(pair.getPublic().getEncoded());
        byte[] input = LedgerFormat.checkpointSigningInput(9, "cd".repeat(32), TIME, keyId);
        assertThat(new String(input, StandardCharsets.UTF_8)).isEqualTo("{\"hash\":\"" + "cd".repeat(32)
                + "\",\"keyId\":\"" + keyId + "\",\"sequence\":9,\"time\":\"2026-12-06T10:15:30.123456Z\"}");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(input);
        String signature = Base64.getEncoder().encodeToString(signer.sign());
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        assertThat(LedgerFormat.verify("Ed25519", publicKey, input, signature)).isTrue();
        assertThat(LedgerFormat.verify("Ed25519", publicKey, LedgerFormat.checkpointSigningInput(10, "cd".repeat(32),
                TIME, keyId), signature)).isFalse();
        assertThat(LedgerFormat.verify("Ed25519", publicKey, input, "not base64!")).isFalse();
    }

    @Test
    void theChainCheckNamesTheFirstBrokenLink() {
        List<LedgerEntryView> chain = chain(6);
        assertThat(check(chain).ok()).isTrue();
        assertThat(check(chain).lastSequence()).isEqualTo(6);

        List<LedgerEntryView> edited = new ArrayList<>(chain);
        LedgerEntryView third = chain.get(2);
        edited.set(2, new LedgerEntryView(3, third.time(), "mallory", third.actorRole(), third.kind(),
                third.subjectType(), third.subjectId(), third.systemId(), third.rationale(), null, null,
                third.snapshot(), third.previousHash(), third.hash()));
        assertThat(check(edited).firstBroken().sequence()).isEqualTo(3);
        assertThat(check(edited).firstBroken().problem()).contains("was changed");

        List<LedgerEntryView> dropped = new ArrayList<>(chain);
        dropped.remove(3);
        assertThat(check(dropped).firstBroken().sequence()).isEqualTo(4);
        assertThat(check(dropped).firstBroken().problem()).contains("missing");

        List<LedgerEntryView> swapped = new ArrayList<>(chain);
        swapped.set(1, chain.get(2));
        swapped.set(2, chain.get(1));
        assertThat(check(swapped).firstBroken().sequence()).isEqualTo(2);
        assertThat(check(swapped).ok()).isFalse();

        List<LedgerEntryView> truncated = chain.subList(0, 5);
        ChainCheck.Result tail = new ChainCheck(0, LedgerFormat.GENESIS_HASH, List.of(), List.of())
                .finish(null, null);
        assertThat(tail.ok()).isTrue();
        ChainCheck cut = new ChainCheck(0, LedgerFormat.GENESIS_HASH, List.of(), List.of());
        truncated.forEach(e -> cut.accept(LedgerFormat.entryJson(e)));
        ChainCheck.Result cutResult = cut.finish(6L, chain.get(5).hash());
        assertThat(cutResult.firstBroken().sequence()).isEqualTo(6);
    }

    private static ChainCheck.Result check(List<LedgerEntryView> entries) {
        ChainCheck check = new ChainCheck(0, LedgerFormat.GENESIS_HASH, List.of(), List.of());
        entries.forEach(e -> check.accept(LedgerFormat.entryJson(e)));
        return check.finish(null, null);
    }

    static List<LedgerEntryView> chain(int length) {
        List<LedgerEntryView> chain = new ArrayList<>();
        String previous = LedgerFormat.GENESIS_HASH;
        for (int i = 1; i <= length; i++) {
            LedgerEntryView unhashed = new LedgerEntryView(i, TIME.plusSeconds(i), "user" + i, null, "RISK_CREATED",
                    "RISK", String.valueOf(i), 1L, "reason " + i, null, null, "{\"n\":" + i + "}", previous, null);
            String hash = LedgerFormat.hashOf(unhashed);
            chain.add(new LedgerEntryView(i, unhashed.time(), unhashed.actor(), null, unhashed.kind(),
                    unhashed.subjectType(), unhashed.subjectId(), 1L, unhashed.rationale(), null, null,
                    unhashed.snapshot(), previous, hash));
            previous = hash;
        }
        return chain;
    }
}
