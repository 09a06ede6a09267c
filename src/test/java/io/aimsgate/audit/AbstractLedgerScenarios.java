package io.aimsgate.audit;

import io.aimsgate.shared.ledger.LedgerEntryView;

import io.aimsgate.shared.ledger.LedgerRecord;

import io.aimsgate.shared.ledger.DecisionLedger;

import static io.aimsgate.support.SystemFixtures.riskBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFilesDouble;
import io.aimsgate.support.ProcessEngineBinding;
import io.aimsgate.support.SystemFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision ledger and the evidence pack over HTTP, on each database (H2LedgerTest, PostgresLedgerTest):
 * entries name the authenticated actor, filters and paging, signed checkpoints, tampering behind the application's
 * back reported by {@code GET /api/audit/verify}, one gap-free chain under concurrent writers, administrative changes,
 * and the evidence pack checked by the offline verifier, including a pack tampered with in four ways.
 */
@ExtendWith(ProcessEngineBinding.class)
abstract class AbstractLedgerScenarios extends AsDemoUsers {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DecisionLedger ledger;

    @Autowired
    EvidenceFilesDouble evidence;

    /** Whether the database is PostgreSQL (the append-only triggers). */
    abstract boolean postgres();

    // ------------------------------------------------------------------------------------------------------------
    // entries, filters, paging, access
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void decisionsAreAppendedWithTheAuthenticatedActorAndListedWithFiltersAndPaging() {
        long systemId = newSystem();
        JsonNode registered = alex.get("/api/audit?systemId=" + systemId + "&kind=SYSTEM_REGISTERED").expect(200)
                .json();
        assertThat(registered.at("/page/totalElements").asLong()).isEqualTo(1);
        JsonNode entry = registered.at("/content/0");
        assertThat(entry.path("actor").asText()).isEqualTo("olivia");
        assertThat(entry.path("subjectType").asText()).isEqualTo("SYSTEM");
        assertThat(entry.path("subjectId").asText()).isEqualTo(String.valueOf(systemId));
        assertThat(entry.path("snapshot").isObject()).isTrue();
        assertThat(entry.path("hash").asText()).hasSize(64);
        // The published entry is what the hash covers.
        assertThat(LedgerFormat.hashOfEntryJson(entry)).isEqualTo(entry.path("hash").asText());

        long riskId = sam.post("/api/systems/" + systemId + "/risks", riskBody(2, 2, "Ledger risk")).expect(201)
                .json().path("id").asLong();
        Map<String, Object> rerated = riskBody(3, 3, "Ledger risk");
        sam.put("/api/systems/" + systemId + "/risks/" + riskId, rerated).expect(200);
        sam.post("/api/systems/" + systemId + "/risks/" + riskId + "/transitions",
                Map.of("status", "IN_TREATMENT")).expect(200);
        olivia.post("/api/systems/" + systemId + "/risks/" + riskId + "/transitions",
                Map.of("status", "ACCEPTED", "rationale", "Within appetite after review by the owner.")).expect(200);

        JsonNode risks = alex.get("/api/audit?systemId=" + systemId + "&size=10").expect(200).json();
        List<String> kinds = new ArrayList<>();
        risks.path("content").forEach(e -> kinds.add(e.path("kind").asText()));
        // Newest first.
        assertThat(kinds).containsExactly("RISK_ACCEPTED", "RISK_TRANSITIONED", "RISK_RERATED", "RISK_CREATED",
                "SYSTEM_REGISTERED");
        JsonNode accepted = risks.at("/content/0");
        assertThat(accepted.path("actor").asText()).isEqualTo("olivia");
        assertThat(accepted.path("actorRole").asText()).isEqualTo("ai-product-owners");
        assertThat(accepted.path("rationale").asText()).isEqualTo("Within appetite after review by the owner.");
        assertThat(accepted.at("/snapshot/statusBefore").asText()).isEqualTo("IN_TREATMENT");
        assertThat(accepted.at("/snapshot/status").asText()).isEqualTo("ACCEPTED");
        assertThat(risks.at("/content/3/actor").asText()).isEqualTo("sam");

        JsonNode bySam = grace.get("/api/audit?systemId=" + systemId + "&actor=sam&size=1&page=1").expect(200).json();
        assertThat(bySam.at("/page/totalElements").asLong()).isEqualTo(3);
        assertThat(bySam.at("/page/totalPages").asLong()).isEqualTo(3);
        assertThat(bySam.path("content")).hasSize(1);
        assertThat(bySam.at("/content/0/kind").asText()).isEqualTo("RISK_RERATED");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        assertThat(alex.get("/api/audit?systemId=" + systemId + "&from=" + today + "&to=" + today).expect(200).json()
                .at("/page/totalElements").asLong()).isEqualTo(5);
        assertThat(alex.get("/api/audit?systemId=" + systemId + "&from=2001-01-01&to=2001-12-31").expect(200).json()
                .at("/page/totalElements").asLong()).isZero();
    }

    @Test
    void badFiltersAreRefusedNamingTheField() {
        assertProblem(alex.get("/api/audit?size=0").expect(400), "size");
        assertProblem(alex.get("/api/audit?size=201").expect(400), "size");
        assertProblem(alex.get("/api/audit?page=-1").expect(400), "page");
        assertProblem(alex.get("/api/audit?from=2026-02-01&to=2026-01-01").expect(400), "to");
        assertProblem(alex.get("/api/audit?from=yesterday").expect(400), "from");
        assertProblem(alex.get("/api/audit?kind=gate%20approved").expect(400), "kind");
        assertProblem(alex.get("/api/audit?systemId=abc").expect(400), "systemId");
        assertProblem(grace.post("/api/audit/checkpoints", Map.of("reason", "short")).expect(400), "reason");
        assertProblem(alex.get("/api/systems/abc/evidence-pack").expect(400), "systemId");
    }

    @Test
    void onlyTheBoardAuditorsAndTheAdministratorReadTheLedger() {
        olivia.get("/api/audit").expect(403);
        olivia.get("/api/audit/verify").expect(403);
        api.anonymous().get("/api/audit").expect(401);
        olivia.get("/api/audit/keys").expect(200);
        alex.post("/api/audit/checkpoints", Map.of("reason", "An auditor may not sign.")).expect(403);
        olivia.get("/api/systems/" + newSystem() + "/evidence-pack").expect(403);
        admin.get("/api/audit?size=1").expect(200);
    }

    @Test
    void appendRefusesToRunOutsideTheStateChangesTransaction() {
        assertThatThrownBy(() -> ledger.append(new LedgerRecord("TEST", null, "TEST", "1", null, null, null, null,
                Map.of()))).isInstanceOf(IllegalTransactionStateException.class);
        long before = head();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            ledger.append(new LedgerRecord("TEST_ROLLED_BACK", null, "TEST", "1", null, null, null, null, Map.of()));
            throw new IllegalStateException("the state change fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(head()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE kind = 'TEST_ROLLED_BACK'", Long.class))
                .isZero();
    }

    // ------------------------------------------------------------------------------------------------------------
    // checkpoints and keys
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void anOnDemandCheckpointRecordsWhoAskedAndSignsTheHeadWithAPublishedKey() throws Exception {
        JsonNode checkpoint = grace.post("/api/audit/checkpoints",
                Map.of("reason", "Sample for the quarterly internal audit.")).expect(201).json();
        JsonNode last = alex.get("/api/audit?size=1").expect(200).json().at("/content/0");
        assertThat(last.path("kind").asText()).isEqualTo("LEDGER_CHECKPOINT_REQUESTED");
        assertThat(last.path("actor").asText()).isEqualTo("grace");
        assertThat(last.path("rationale").asText()).isEqualTo("Sample for the quarterly internal audit.");
        assertThat(checkpoint.path("sequence").asLong()).isEqualTo(last.path("sequence").asLong());
        assertThat(checkpoint.path("hash").asText()).isEqualTo(last.path("hash").asText());

        JsonNode keys = olivia.get("/api/audit/keys").expect(200).json();
        JsonNode key = null;
        for (JsonNode candidate : keys) {
            if (candidate.path("keyId").asText().equals(checkpoint.path("keyId").asText())) {
                key = candidate;
            }
        }
        assertThat(key).as("the signing key is published").isNotNull();
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.path("validFrom").asText()).isNotBlank();
        // Checked with the JDK alone, from the documented signature input.
        String input = "{\"hash\":\"" + checkpoint.path("hash").asText() + "\",\"keyId\":\""
                + checkpoint.path("keyId").asText() + "\",\"sequence\":" + checkpoint.path("sequence").asLong()
                + ",\"time\":\"" + checkpoint.path("time").asText() + "\"}";
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asText()))));
        verifier.update(input.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(checkpoint.path("signature").asText()))).isTrue();

        JsonNode verified = alex.get("/api/audit/verify").expect(200).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("checkpointsChecked").asLong()).isPositive();
    }

    // ------------------------------------------------------------------------------------------------------------
    // tampering behind the application's back
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void verifyNamesTheFirstBrokenLinkForEveryKindOfTampering() {
        newSystem();
        newSystem();
        grace.post("/api/audit/checkpoints", Map.of("reason", "Baseline before the tampering test.")).expect(201);
        newSystem();
        newSystem();
        assertIntact();
        long head = head();
        long target = head - 2;

        // An edited entry.
        StoredRow edited = read(target);
        asAttacker(() -> jdbc.update("UPDATE audit_entry SET actor = 'mallory' WHERE seq = ?", target));
        assertBroken(target, "was changed");
        asAttacker(() -> jdbc.update("UPDATE audit_entry SET actor = ? WHERE seq = ?", edited.actor(), target));
        assertIntact();

        // A deleted entry (in the middle, and the last one).
        StoredRow deleted = read(target);
        asAttacker(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", target));
        assertBroken(target, "missing");
        asAttacker(() -> insert(deleted));
        assertIntact();
        StoredRow last = read(head);
        asAttacker(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", head));
        assertBroken(head, "missing");
        asAttacker(() -> insert(last));
        assertIntact();

        // Two entries swapped (reordered).
        StoredRow first = read(target);
        StoredRow second = read(target + 1);
        asAttacker(() -> {
            jdbc.update("DELETE FROM audit_entry WHERE seq IN (?, ?)", target, target + 1);
            insert(first.at(target + 1));
            insert(second.at(target));
        });
        assertBroken(target, null);
        asAttacker(() -> {
            jdbc.update("DELETE FROM audit_entry WHERE seq IN (?, ?)", target, target + 1);
            insert(first);
            insert(second);
        });
        assertIntact();

        // An entry inserted after the head, correctly chained but not through the application.
        StoredRow forged = read(head).at(head + 1).withPrevious(read(head).hash());
        asAttacker(() -> insert(forged));
        assertBroken(head + 1, "inserted");
        asAttacker(() -> jdbc.update("DELETE FROM audit_entry WHERE seq = ?", head + 1));
        assertIntact();

        // An entry edited and the whole chain after it rehashed, head included: only the signed checkpoint knows.
        long checkpointed = jdbc.queryForObject("SELECT MAX(seq) FROM audit_checkpoint", Long.class);
        long from = checkpointed - 1;
        List<StoredRow> original = new ArrayList<>();
        for (long seq = from; seq <= head; seq++) {
            original.add(read(seq));
        }
        String headHash = jdbc.queryForObject("SELECT hash FROM audit_head WHERE id = 1", String.class);
        asAttacker(() -> {
            String previous = original.get(0).previousHash();
            for (StoredRow row : original) {
                StoredRow changed = row.seq() == from ? row.withActor("mallory") : row;
                StoredRow rehashed = changed.withPrevious(previous).rehashed();
                jdbc.update("DELETE FROM audit_entry WHERE seq = ?", row.seq());
                insert(rehashed);
                previous = rehashed.hash();
            }
            jdbc.update("UPDATE audit_head SET hash = ? WHERE id = 1", previous);
        });
        JsonNode rewritten = alex.get("/api/audit/verify").expect(200).json();
        assertThat(rewritten.path("ok").asBoolean()).isFalse();
        assertThat(rewritten.at("/firstBroken/sequence").asLong()).isEqualTo(checkpointed);
        assertThat(rewritten.at("/firstBroken/problem").asText()).contains("checkpoint at sequence " + checkpointed);
        asAttacker(() -> {
            for (StoredRow row : original) {
                jdbc.update("DELETE FROM audit_entry WHERE seq = ?", row.seq());
                insert(row);
            }
            jdbc.update("UPDATE audit_head SET hash = ? WHERE id = 1", headHash);
        });
        assertIntact();

        // A checkpoint signature swapped for another one's.
        List<Map<String, Object>> checkpoints = jdbc.queryForList("SELECT id, signature FROM audit_checkpoint ORDER BY id");
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(1);
        grace.post("/api/audit/checkpoints", Map.of("reason", "A second checkpoint to swap with.")).expect(201);
        checkpoints = jdbc.queryForList("SELECT id, seq, signature FROM audit_checkpoint ORDER BY id");
        Map<String, Object> a = checkpoints.get(checkpoints.size() - 2);
        Map<String, Object> b = checkpoints.get(checkpoints.size() - 1);
        asAttacker(() -> jdbc.update("UPDATE audit_checkpoint SET signature = ? WHERE id = ?", b.get("signature"),
                a.get("id")));
        assertBroken(((Number) a.get("seq")).longValue(), "signature does not verify");
        asAttacker(() -> jdbc.update("UPDATE audit_checkpoint SET signature = ? WHERE id = ?", a.get("signature"),
                a.get("id")));
        assertIntact();
    }

    // ------------------------------------------------------------------------------------------------------------
    // concurrent writers
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void concurrentWritersProduceOneGapFreeChain() throws Exception {
        int threads = 8;
        int perThread = 25;
        long before = head();
        String run = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            writers.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < perThread; i++) {
                    int n = i;
                    transactions.executeWithoutResult(status -> ledger.append(new LedgerRecord("TEST_CONCURRENT",
                            null, "TEST", run, null, null, null, null, Map.of("thread", thread, "n", n))));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : writers) {
            writer.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long after = head();
        assertThat(after - before).isGreaterThanOrEqualTo((long) threads * perThread);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE subject_id = ?", Long.class, run))
                .isEqualTo((long) threads * perThread);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry", Long.class)).isEqualTo(after);
        assertThat(jdbc.queryForObject("SELECT MIN(seq) FROM audit_entry", Long.class)).isEqualTo(1L);
        assertIntact();
    }

    @Test
    void anInnerTransactionsEntriesCommitWithItAndTheOuterOnesWithTheOuter() {
        String run = UUID.randomUUID().toString();
        TransactionTemplate inner = new TransactionTemplate(transactions.getTransactionManager());
        inner.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            ledger.append(new LedgerRecord("TEST_OUTER", null, "TEST", run, null, null, null, null, Map.of()));
            inner.executeWithoutResult(innerStatus -> ledger.append(new LedgerRecord("TEST_INNER", null, "TEST", run,
                    null, null, null, null, Map.of())));
            throw new IllegalStateException("the outer change fails after the inner one committed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForList("SELECT kind FROM audit_entry WHERE subject_id = ? ORDER BY seq", String.class,
                run)).containsExactly("TEST_INNER");
        assertIntact();
    }

    @Test
    void anEntryTakesItsPlaceWhenItsTransactionCommitsSoOthersDoNotWaitForTheRestOfIt() throws Exception {
        String run = UUID.randomUUID().toString();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        List<LedgerEntryView> sequenced = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            // A long transaction: it appends two entries (the second one named by what it completes), then works on.
            Future<?> longOne = pool.submit(() -> transactions.executeWithoutResult(status -> {
                ledger.append(new LedgerRecord("TEST_FIRST", null, "TEST", run, null, null, null, null, Map.of()),
                        sequenced::add);
                ledger.append(new LedgerRecord("TEST_SECOND", null, "TEST", run, null, null, null, null, Map.of()),
                        entry -> {
                            sequenced.add(entry);
                            // what a callback appends joins the same commit, after it
                            ledger.append(new LedgerRecord("TEST_THIRD", null, "TEST", run, null, null, null, null,
                                    Map.of()), sequenced::add);
                        });
                appended.countDown();
                try {
                    // the rest of its work: another writer appends and commits meanwhile, without waiting for it
                    assertThat(otherCommitted.await(30, TimeUnit.SECONDS)).isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            long before = head();
            transactions.executeWithoutResult(status -> ledger.append(new LedgerRecord("TEST_OTHER", null, "TEST",
                    run, null, null, null, null, Map.of())));
            assertThat(head()).isEqualTo(before + 1);
            otherCommitted.countDown();
            longOne.get(60, TimeUnit.SECONDS);
            assertThat(head()).isEqualTo(before + 4);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForList("SELECT kind FROM audit_entry WHERE subject_id = ? ORDER BY seq", String.class,
                run)).containsExactly("TEST_OTHER", "TEST_FIRST", "TEST_SECOND", "TEST_THIRD");
        assertThat(sequenced).extracting(LedgerEntryView::kind).containsExactly("TEST_FIRST", "TEST_SECOND",
                "TEST_THIRD");
        assertThat(sequenced).extracting(LedgerEntryView::sequence).containsExactly(head() - 2, head() - 1, head());
        assertIntact();
    }

    // ------------------------------------------------------------------------------------------------------------
    // administrative changes
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void administrativeChangesThroughTheEngineAreRecorded() {
        String user = "ledger-" + UUID.randomUUID().toString().substring(0, 8);
        admin.post("/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", "Led",
                "lastName", "Ger", "email", user + "@example.com"), "credentials", Map.of("password",
                "Ledger-pw-12345"))).expect(204);
        admin.send("PUT", "/engine-rest/group/auditors/members/" + user, null, null).expect(204);

        JsonNode created = alex.get("/api/audit?kind=ADMIN_USER_CREATE&actor=admin&size=200").expect(200).json();
        JsonNode entry = find(created, user);
        assertThat(entry).as("user creation in the ledger").isNotNull();
        assertThat(entry.path("actorRole").asText()).isEqualTo("ADMINISTRATION");
        assertThat(entry.at("/snapshot/operation").asText()).isEqualTo("Create");
        JsonNode membership = find(alex.get("/api/audit?kind=ADMIN_GROUP_MEMBERSHIP_CREATE&size=200").expect(200).json(),
                user);
        assertThat(membership).as("membership in the ledger").isNotNull();
        assertThat(membership.path("actor").asText()).isEqualTo("admin");
        assertThat(membership.toString()).contains("auditors");
        admin.delete("/engine-rest/user/" + user).expect(204);
        assertThat(find(alex.get("/api/audit?kind=ADMIN_USER_DELETE&size=200").expect(200).json(), user)).isNotNull();
    }

    // ------------------------------------------------------------------------------------------------------------
    // PostgreSQL: the database itself refuses
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void onPostgresTheDatabaseRefusesToChangeTheLedger() {
        if (!postgres()) {
            return;
        }
        newSystem();
        long head = head();
        for (String statement : List.of("UPDATE audit_entry SET actor = 'mallory' WHERE seq = " + head,
                "DELETE FROM audit_entry WHERE seq = " + head, "TRUNCATE audit_entry",
                "TRUNCATE audit_checkpoint", "DELETE FROM audit_signing_key",
                "UPDATE audit_head SET seq = seq - 1, hash = 'x' WHERE id = 1", "DELETE FROM audit_head")) {
            assertThatThrownBy(() -> jdbc.execute(statement)).as(statement).rootCause()
                    .hasMessageContaining("decision ledger");
        }
        assertThat(head()).isEqualTo(head);
        assertIntact();
    }

    // ------------------------------------------------------------------------------------------------------------
    // the evidence pack and the offline verifier
    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theEvidencePackVerifiesOfflineAndEveryTamperingIsDetected() throws Exception {
        grace.post("/api/audit/checkpoints", Map.of("reason", "Checkpoint before the system exists.")).expect(201);
        long systemId = newSystem();
        sam.post("/api/systems/" + systemId + "/risks", riskBody(2, 3, "Pack risk")).expect(201);
        grace.post("/api/audit/checkpoints", Map.of("reason", "Checkpoint in the middle of its history.")).expect(201);
        sam.post("/api/systems/" + systemId + "/risks", riskBody(1, 2, "Second pack risk")).expect(201);
        newSystem(); // another system's entry inside the stretch
        byte[] modelCard = "# Model card\nIntended use: testing the evidence pack.\n".getBytes(StandardCharsets.UTF_8);
        transactions.executeWithoutResult(status -> {
            evidence.add(systemId, "MODEL_CARD", "model-card.md", "text/markdown", modelCard);
            evidence.add(systemId, "VALIDATION_REPORT", "validation report.pdf", "application/pdf",
                    "%PDF-1.7 validation".getBytes(StandardCharsets.UTF_8));
        });
        JsonNode uploads = alex.get("/api/audit?systemId=" + systemId + "&kind=EVIDENCE_UPLOADED").expect(200).json();
        assertThat(uploads.at("/page/totalElements").asLong()).isEqualTo(2);
        assertThat(uploads.at("/content/0/snapshot/sha256").asText()).hasSize(64);

        alex.get("/api/systems/999999999/evidence-pack").expect(404);
        HttpResponse<byte[]> response = download("alex", systemId);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(response.headers().firstValue("Content-Disposition").orElse("")).contains("evidence-pack-system-"
                + systemId);
        byte[] pack = response.body();
        Map<String, byte[]> files = unzip(pack);
        assertThat(files.keySet()).contains("MANIFEST", "MANIFEST.sig", "pack.json", "ledger/chain.jsonl",
                "ledger/checkpoints.json", "ledger/keys.json", "gate-history.csv", "risk-register.csv",
                "evidence/index.json");
        assertThat(files.keySet().stream().filter(name -> name.startsWith("evidence/") && !name.endsWith(".json")))
                .hasSize(2);
        String risks = new String(files.get("risk-register.csv"), StandardCharsets.UTF_8);
        assertThat(risks).contains("Pack risk", "Second pack risk");
        String chain = new String(files.get("ledger/chain.jsonl"), StandardCharsets.UTF_8);
        assertThat(chain).contains("\"systemId\":" + systemId);
        JsonNode info = JSON.readTree(files.get("pack.json"));
        assertThat(info.path("chainAfterSequence").asLong()).isPositive();
        assertThat(info.path("systemEntries").asLong()).isEqualTo(5);

        Verdict intact = verify(pack);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("match", "chain intact", "checked 2 evidence file revisions",
                "MANIFEST signature: valid", "5 of this system", "2 of them against their upload entry in the signed chain");

        // The command line: a file on disk.
        Path file = Files.createTempFile("evidence-pack", ".zip");
        try {
            Files.write(file, pack);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            assertThat(PackVerifier.run(new String[] {file.toString()}, new PrintStream(printed, true,
                    StandardCharsets.UTF_8))).isZero();
            assertThat(PackVerifier.run(new String[] {}, new PrintStream(new ByteArrayOutputStream()))).isEqualTo(2);
        } finally {
            Files.deleteIfExists(file);
        }

        // 1. One byte flipped in an evidence file.
        String cardPath = files.keySet().stream().filter(name -> name.endsWith("model-card.md")).findFirst()
                .orElseThrow();
        Map<String, byte[]> flipped = copy(files);
        flipped.get(cardPath)[3] ^= 0x01;
        Verdict flippedVerdict = verify(zip(flipped));
        assertThat(flippedVerdict.exitCode()).isEqualTo(1);
        assertThat(flippedVerdict.output()).contains("FAIL  " + cardPath + ": SHA-256");

        // ... even when the MANIFEST is corrected to match (its signature and the upload digest still catch it).
        Map<String, byte[]> covered = copy(flipped);
        covered.put("MANIFEST", manifest(covered));
        Verdict coveredVerdict = verify(zip(covered));
        assertThat(coveredVerdict.exitCode()).isEqualTo(1);
        assertThat(coveredVerdict.output()).contains("signature of the MANIFEST does not verify",
                "is not the digest recorded at upload");

        // ... or when the index is rewritten too: the upload's entry in the signed chain still names the original.
        Map<String, byte[]> replaced = copy(covered);
        JsonNode index = JSON.readTree(replaced.get("evidence/index.json"));
        for (JsonNode revision : index) {
            if (revision.path("path").asText().equals(cardPath)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) revision).put("sha256",
                        LedgerFormat.sha256Hex(replaced.get(cardPath)));
            }
        }
        replaced.put("evidence/index.json", JSON.writeValueAsBytes(index));
        replaced.put("MANIFEST", manifest(replaced));
        Verdict replacedVerdict = verify(zip(replaced));
        assertThat(replacedVerdict.exitCode()).isEqualTo(1);
        assertThat(replacedVerdict.output()).contains("its upload entry in the chain");

        // 2. One ledger entry dropped (and the MANIFEST recomputed).
        Map<String, byte[]> dropped = copy(files);
        List<String> lines = new ArrayList<>(List.of(chain.split("\n")));
        String removed = lines.stream().filter(l -> l.contains("\"kind\":\"RISK_CREATED\"")
                && l.contains("\"systemId\":" + systemId)).findFirst().orElseThrow();
        lines.remove(removed);
        dropped.put("ledger/chain.jsonl", (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        dropped.put("MANIFEST", manifest(dropped));
        Verdict droppedVerdict = verify(zip(dropped));
        assertThat(droppedVerdict.exitCode()).isEqualTo(1);
        assertThat(droppedVerdict.output()).contains("FAIL  ledger: entry " + JSON.readTree(removed).path("sequence")
                .asLong() + " is missing", "chain BROKEN");

        // 3. Two checkpoint signatures swapped (and the MANIFEST recomputed).
        Map<String, byte[]> swapped = copy(files);
        JsonNode checkpoints = JSON.readTree(files.get("ledger/checkpoints.json"));
        assertThat(checkpoints.size()).isGreaterThanOrEqualTo(2);
        String first = checkpoints.get(0).path("signature").asText();
        String second = checkpoints.get(1).path("signature").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) checkpoints.get(0)).put("signature", second);
        ((com.fasterxml.jackson.databind.node.ObjectNode) checkpoints.get(1)).put("signature", first);
        swapped.put("ledger/checkpoints.json", JSON.writeValueAsBytes(checkpoints));
        swapped.put("MANIFEST", manifest(swapped));
        Verdict swappedVerdict = verify(zip(swapped));
        assertThat(swappedVerdict.exitCode()).isEqualTo(1);
        assertThat(swappedVerdict.output()).contains("the signature does not verify");

        // 4. A file left out of the pack.
        Map<String, byte[]> missing = copy(files);
        missing.remove(cardPath);
        Verdict missingVerdict = verify(zip(missing));
        assertThat(missingVerdict.exitCode()).isEqualTo(1);
        assertThat(missingVerdict.output()).contains(cardPath + " is in the MANIFEST but not in the pack");
    }

    // ------------------------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------------------------

    /** Runs tampering SQL as an attacker with the database's owner rights: on PostgreSQL the triggers are off meanwhile. */
    void asAttacker(Runnable tampering) {
        if (postgres()) {
            for (String table : List.of("audit_entry", "audit_checkpoint", "audit_head")) {
                jdbc.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            }
        }
        try {
            tampering.run();
        } finally {
            if (postgres()) {
                for (String table : List.of("audit_entry", "audit_checkpoint", "audit_head")) {
                    jdbc.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
                }
            }
        }
    }

    record StoredRow(long seq, OffsetDateTime recordedAt, String actor, String actorRole, String kind,
            String subjectType, String subjectId, Long systemId, String rationale, String processInstanceId,
            String taskId, String snapshot, String previousHash, String hash) {

        StoredRow at(long sequence) {
            return new StoredRow(sequence, recordedAt, actor, actorRole, kind, subjectType, subjectId, systemId,
                    rationale, processInstanceId, taskId, snapshot, previousHash, hash).rehashed();
        }

        StoredRow withPrevious(String previous) {
            return new StoredRow(seq, recordedAt, actor, actorRole, kind, subjectType, subjectId, systemId, rationale,
                    processInstanceId, taskId, snapshot, previous, hash).rehashed();
        }

        StoredRow withActor(String newActor) {
            return new StoredRow(seq, recordedAt, newActor, actorRole, kind, subjectType, subjectId, systemId,
                    rationale, processInstanceId, taskId, snapshot, previousHash, hash);
        }

        /** What an attacker who knows the format computes. */
        StoredRow rehashed() {
            String rehash = LedgerFormat.hashOf(new LedgerEntryView(seq, recordedAt.toInstant(), actor, actorRole,
                    kind, subjectType, subjectId, systemId, rationale, processInstanceId, taskId, snapshot,
                    previousHash, null));
            return new StoredRow(seq, recordedAt, actor, actorRole, kind, subjectType, subjectId, systemId, rationale,
                    processInstanceId, taskId, snapshot, previousHash, rehash);
        }
    }

    StoredRow read(long seq) {
        return jdbc.queryForObject("SELECT seq, recorded_at, actor, actor_role, kind, subject_type, subject_id, "
                + "system_id, rationale, process_instance_id, task_id, snapshot, previous_hash, hash FROM audit_entry "
                + "WHERE seq = ?", (rs, row) -> new StoredRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getObject(8) == null ? null : rs.getLong(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getString(14)), seq);
    }

    void insert(StoredRow row) {
        jdbc.update("INSERT INTO audit_entry (seq, recorded_at, actor, actor_role, kind, subject_type, subject_id, "
                + "system_id, rationale, process_instance_id, task_id, snapshot, previous_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.seq(), row.recordedAt(), row.actor(),
                row.actorRole(), row.kind(), row.subjectType(), row.subjectId(), row.systemId(), row.rationale(),
                row.processInstanceId(), row.taskId(), row.snapshot(), row.previousHash(), row.hash());
    }

    long head() {
        return jdbc.queryForObject("SELECT seq FROM audit_head WHERE id = 1", Long.class);
    }

    void assertIntact() {
        JsonNode verified = alex.get("/api/audit/verify").expect(200).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("lastSequence").asLong()).isEqualTo(head());
        assertThat(verified.path("entriesChecked").asLong()).isEqualTo(head());
    }

    void assertBroken(long sequence, String problem) {
        JsonNode verified = alex.get("/api/audit/verify").expect(200).json();
        assertThat(verified.path("ok").asBoolean()).as(verified.toString()).isFalse();
        assertThat(verified.at("/firstBroken/sequence").asLong()).as(verified.toString()).isEqualTo(sequence);
        if (problem != null) {
            assertThat(verified.at("/firstBroken/problem").asText()).as(verified.toString()).contains(problem);
        }
    }

    long newSystem() {
        return SystemFixtures.registerSystem(olivia, "Ledger " + UUID.randomUUID(), "MINIMAL");
    }

    static void assertProblem(Response response, String field) {
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.problemFields()).as(response.toString()).contains(field);
    }

    private static JsonNode find(JsonNode page, String text) {
        for (JsonNode entry : page.path("content")) {
            if (entry.toString().contains(text)) {
                return entry;
            }
        }
        return null;
    }

    record Verdict(int exitCode, String output) {
    }

    static Verdict verify(byte[] pack) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = PackVerifier.verify(new ByteArrayInputStream(pack), new PrintStream(printed, true,
                StandardCharsets.UTF_8));
        return new Verdict(code, printed.toString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> download(String user, long systemId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/systems/"
                + systemId + "/evidence-pack")).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static Map<String, byte[]> unzip(byte[] pack) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        }
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Map<String, byte[]> copy(Map<String, byte[]> files) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        files.forEach((name, content) -> copy.put(name, content.clone()));
        return copy;
    }

    /** The MANIFEST an attacker would write for the changed files. */
    static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, content) -> {
            if (!name.equals("MANIFEST") && !name.equals("MANIFEST.sig")) {
                manifest.append(LedgerFormat.sha256Hex(content)).append("  ").append(name).append('\n');
            }
        });
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
    }
}
