package io.aimsgate.gate;

import static io.aimsgate.support.SystemFixtures.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.SystemFixtures;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pipeline check by digest and environment and the signed deployment decisions, over real HTTP on H2 and on
 * PostgreSQL: staging admitted after V&amp;V, production only after the deployment approval and only for exactly the
 * approved artefact; bad parameters refused naming them; the attestation issued on approval, stored, recorded in the
 * ledger, verifiable with the published key (checked here with the JDK's own verifier over a PAE built from the DSSE
 * specification, not with the platform's code), refused once altered, and withheld once the decision no longer holds;
 * an approval event that names no version fails its approving transaction.
 */
abstract class AbstractAttestationScenarios extends AsDemoUsers {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aVersionIsAdmittedToAnEnvironmentOnlyForTheApprovedDigestAndItsSignedDecisionVerifies() throws Exception {
        long system = newSystem();
        String digest = sha256();
        long versionId = registerVersion(system, "1.0.0", digest);
        String other = sha256();

        // Validated, not yet approved: staging admits it, production does not; nothing is signed yet.
        JsonNode staging = ben.get(check(system, "1.0.0", "sha256:" + digest, "staging")).expect(200).json();
        assertThat(staging.get("allowed").asBoolean()).isTrue();
        assertThat(staging.get("environment").asText()).isEqualTo("staging");
        assertThat(staging.get("requires").asText()).isEqualTo("VERIFICATION_AND_VALIDATION");
        Response notApproved = ben.get(check(system, "1.0.0", "sha256:" + digest, "production")).expect(409);
        assertProblem(notApproved, "digest");
        assertThat(reasons(notApproved)).anySatisfy(r -> assertThat(r).contains("not APPROVED"));
        assertProblem(ben.get(attestation(system, "1.0.0", "sha256:" + digest, "staging")).expect(409),
                "environment");

        // A serving image is named by digest or not at all.
        for (String image : List.of("registry.example.com/models/attested:latest", "registry.example.com/models/"
                + "attested@sha256:" + digest.substring(2), "Registry.example.com/x@sha256:" + digest)) {
            assertProblem(olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests",
                    Map.of("servingImage", image)).expect(400), "servingImage");
        }
        String imageDigest = sha256();
        String image = "registry.example.com/models/attested@sha256:" + imageDigest;
        long requestId = approve(system, "1.0.0", image);
        assertThat(ben.get("/api/deployment-requests/" + requestId).expect(200).json().get("servingImage").asText())
                .isEqualTo(image);

        // Approved: 200 for exactly this digest and a configured environment, in either case of hex digits.
        Response allowed = ben.get(check(system, "1.0.0", "sha256:" + digest, "production")).expect(200);
        JsonNode production = allowed.json();
        // JSON as the application's ObjectMapper writes it (ISO-8601 instants, not numbers).
        assertThat(allowed.contentType()).startsWith("application/json");
        assertThat(production.get("checkedAt").isTextual()).as(allowed.body()).isTrue();
        assertThat(production.get("allowed").asBoolean()).isTrue();
        assertThat(production.get("digest").asText()).isEqualTo("sha256:" + digest);
        assertThat(production.get("requires").asText()).isEqualTo("DEPLOYMENT");
        assertThat(production.get("approvalRequestId").asLong()).isEqualTo(requestId);
        assertThat(production.get("blockingReasons")).isEmpty();
        ben.get(check(system, "1.0.0", "sha256:" + digest.toUpperCase(), "production")).expect(200);
        // The call without parameters answers as it always did.
        assertThat(ben.get(decisionPath(system, "1.0.0")).expect(200).json().get("approvedBy").asText())
                .isEqualTo("oscar");

        // Another digest: 409 naming the parameter and the approved artefact.
        Response wrongDigest = ben.get(check(system, "1.0.0", "sha256:" + other, "production")).expect(409);
        assertProblem(wrongDigest, "digest");
        assertThat(reasons(wrongDigest)).anySatisfy(r -> assertThat(r).contains("sha256:" + digest));
        assertProblem(ben.get(check(system, "1.0.0", "sha256:" + other, "staging")).expect(409), "digest");

        // Malformed digests and unknown or missing environments: 400 problem+json naming the parameter.
        for (String bad : List.of("sha256:" + digest.substring(1), "sha512:" + digest, digest, "sha256:"
                + digest.substring(1) + "g", "sha256:%20" + digest)) {
            assertProblem(ben.get(check(system, "1.0.0", bad, "production")).expect(400), "digest");
            assertProblem(ben.get(attestation(system, "1.0.0", bad, "production")).expect(400), "digest");
        }
        assertProblem(ben.get(check(system, "1.0.0", "sha256:" + digest, "moon")).expect(400), "environment");
        assertProblem(ben.get(check(system, "1.0.0", "sha256:" + digest, "")).expect(400), "environment");
        assertProblem(ben.get(decisionPath(system, "1.0.0") + "?digest=sha256:" + digest).expect(400), "environment");
        assertProblem(ben.get(decisionPath(system, "1.0.0") + "?environment=production").expect(400), "digest");
        assertProblem(ben.get(attestation(system, "1.0.0", "sha256:" + digest, "moon")).expect(400), "environment");
        assertProblem(ben.get(decisionPath(system, "1.0.0") + "/attestation").expect(400), "digest");
        // A version label outside the rule: 400 naming it, with or without digest and environment, before any lookup.
        assertProblem(ben.get(check(system, "-1.0.0", "sha256:" + digest, "production")).expect(400), "versionLabel");
        assertProblem(ben.get(decisionPath(system, "x".repeat(65))).expect(400), "versionLabel");
        // Unknown ids stay 404; callers outside the platform stay out.
        ben.get(check(system, "9.9.9", "sha256:" + digest, "production")).expect(404);
        api.anonymous().get(check(system, "1.0.0", "sha256:" + digest, "production")).expect(401);
        api.anonymous().get(attestation(system, "1.0.0", "sha256:" + digest, "production")).expect(401);

        // One signed decision per configured environment, stored and recorded in the ledger.
        assertThat(jdbc.queryForList("SELECT environment FROM deployment_attestation WHERE deployment_request_id = ? "
                + "ORDER BY environment", String.class, requestId)).containsExactly("production", "staging");

        JsonNode envelope = ben.get(attestation(system, "1.0.0", "sha256:" + digest, "production")).expect(200)
                .json();
        assertThat(envelope.get("payloadType").asText()).isEqualTo("application/vnd.in-toto+json");
        JsonNode statement = JSON.readTree(Base64.getDecoder().decode(envelope.get("payload").asText()));
        assertThat(statement.get("_type").asText()).isEqualTo("https://in-toto.io/Statement/v1");
        assertThat(statement.get("predicateType").asText())
                .isEqualTo("https://aimsgate.io/attestation/deployment-decision/v1");
        assertThat(statement.at("/subject/0/digest/sha256").asText()).isEqualTo(digest);
        assertThat(statement.at("/subject/0/name").asText()).isEqualTo("aims-gate/systems/" + system
                + "/versions/1.0.0");
        // The serving image the request named is a subject too: an admission controller admits exactly that image.
        assertThat(statement.at("/subject/1/name").asText()).isEqualTo("registry.example.com/models/attested");
        assertThat(statement.at("/subject/1/digest/sha256").asText()).isEqualTo(imageDigest);
        assertThat(statement.get("subject")).hasSize(2);
        JsonNode predicate = statement.get("predicate");
        assertThat(predicate.get("decision").asText()).isEqualTo("approved");
        assertThat(predicate.get("environment").asText()).isEqualTo("production");
        assertThat(predicate.at("/system/id").asLong()).isEqualTo(system);
        assertThat(predicate.at("/version/label").asText()).isEqualTo("1.0.0");
        assertThat(predicate.at("/version/artifactDigest").asText()).isEqualTo("sha256:" + digest);
        assertThat(predicate.at("/deploymentRequest/id").asLong()).isEqualTo(requestId);
        assertThat(predicate.get("approvedBy").asText()).isEqualTo("oscar");
        List<String> approvers = new ArrayList<>();
        predicate.get("approvers").forEach(a -> approvers.add(a.get("user").asText() + ":" + a.get("role").asText()));
        assertThat(approvers).contains("oscar:ACCOUNTABLE").anySatisfy(a -> assertThat(a).startsWith("mia:"))
                .anySatisfy(a -> assertThat(a).startsWith("sam:"));
        Instant issuedAt = Instant.parse(predicate.get("issuedAt").asText());
        assertThat(Instant.parse(predicate.get("expiresAt").asText())).isAfter(issuedAt);
        assertThat(Instant.parse(predicate.get("decidedAt").asText())).isBeforeOrEqualTo(issuedAt);
        assertThat(predicate.get("evidence")).isNotEmpty();
        assertThat(predicate.at("/evidence/0/kind").asText()).isEqualTo("MODEL_CARD");
        assertThat(predicate.at("/evidence/0/digest/sha256").asText()).matches("[0-9a-f]{64}");
        // Bound to the state its approvers saw: the approval's state digest, which is the SHA-256 of the stored
        // canonical state, and the ledger entry that records the approval.
        Map<String, Object> bound = jdbc.queryForMap("SELECT state_digest, state_json, ledger_sequence FROM "
                + "deployment_approval WHERE request_id = ?", requestId);
        assertThat(predicate.get("stateDigest").asText()).isEqualTo(bound.get("state_digest"))
                .isEqualTo("sha256:" + java.util.HexFormat.of().formatHex(java.security.MessageDigest
                        .getInstance("SHA-256").digest(((String) bound.get("state_json"))
                                .getBytes(StandardCharsets.UTF_8))));
        assertThat(predicate.at("/ledger/approvalSequence").asLong())
                .isEqualTo(((Number) bound.get("ledger_sequence")).longValue());
        long sequence = predicate.at("/ledger/sequence").asLong();
        assertThat(sequence).isGreaterThan(predicate.at("/ledger/approvalSequence").asLong());
        Map<String, Object> entry = jdbc.queryForMap("SELECT kind, subject_id FROM audit_entry WHERE seq = ?",
                sequence);
        assertThat(entry.values()).containsExactly("DEPLOYMENT_ATTESTATION_ISSUED", String.valueOf(requestId));

        // The signature verifies with the key GET /api/audit/keys publishes, under the keyid it names.
        JsonNode keys = ben.get("/api/audit/keys").expect(200).json();
        assertThat(verifies(envelope, keys)).isTrue();
        // Altered, it does not: the payload, its type, or the signature.
        ObjectNode altered = envelope.deepCopy();
        altered.put("payload", Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(
                ((ObjectNode) statement.deepCopy()).set("predicate", ((ObjectNode) predicate.deepCopy())
                        .put("environment", "staging")))));
        assertThat(verifies(altered, keys)).isFalse();
        ObjectNode retyped = envelope.deepCopy();
        retyped.put("payloadType", "application/json");
        assertThat(verifies(retyped, keys)).isFalse();
        ObjectNode resigned = envelope.deepCopy();
        byte[] signature = Base64.getDecoder().decode(envelope.at("/signatures/0/sig").asText());
        signature[signature.length / 2] ^= 0x01;
        ((ObjectNode) resigned.get("signatures").get(0)).put("sig", Base64.getEncoder().encodeToString(signature));
        assertThat(verifies(resigned, keys)).isFalse();

        // The staging decision is signed too, for the same artefact.
        JsonNode stagingEnvelope = ben.get(attestation(system, "1.0.0", "sha256:" + digest, "staging")).expect(200)
                .json();
        assertThat(JSON.readTree(Base64.getDecoder().decode(stagingEnvelope.get("payload").asText()))
                .at("/predicate/environment").asText()).isEqualTo("staging");
        assertThat(verifies(stagingEnvelope, keys)).isTrue();
        // Not for another artefact.
        assertProblem(ben.get(attestation(system, "1.0.0", "sha256:" + other, "production")).expect(409), "digest");

        // A decision that no longer holds is neither admitted nor served signed: a critical risk recorded now.
        long risk = sam.post("/api/systems/" + system + "/risks", SystemFixtures.riskBody(5, 5, "Prompt injection "
                + "found after approval")).expect(201).json().get("id").asLong();
        Response blocked = ben.get(check(system, "1.0.0", "sha256:" + digest, "production")).expect(409);
        assertThat(reasons(blocked)).anySatisfy(r -> assertThat(r).contains("Risk " + risk));
        Response withheld = ben.get(attestation(system, "1.0.0", "sha256:" + digest, "production")).expect(409);
        assertProblem(withheld, "digest");
        assertThat(reasons(withheld)).anySatisfy(r -> assertThat(r).contains("Risk " + risk));
        // The new CRITICAL risk is a material change: the approval is invalidated (after the risk's commit) and a
        // re-approval starts. Staging still admits the validated version, but nothing signed under the
        // invalidated approval is served, in any environment.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (!"INVALIDATED".equals(approvalStatus(requestId)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(approvalStatus(requestId)).isEqualTo("INVALIDATED");
        // The re-approval it started halts on the open CRITICAL risk.
        assertThat(jdbc.queryForObject("SELECT status FROM model_version WHERE id = ?", String.class, versionId))
                .isIn("REAPPROVAL_REQUIRED", "HALTED");
        ben.get(check(system, "1.0.0", "sha256:" + digest, "staging")).expect(200);
        Response invalidated = ben.get(attestation(system, "1.0.0", "sha256:" + digest, "staging")).expect(409);
        assertProblem(invalidated, "environment");
        assertThat(reasons(invalidated)).anySatisfy(r -> assertThat(r).contains("invalidated"));
        assertThat(reasons(ben.get(check(system, "1.0.0", "sha256:" + digest, "production")).expect(409)))
                .anySatisfy(r -> assertThat(r).contains("not APPROVED"));
    }

    /**
     * Every approval the gate records names its version; an approval event that does not cannot be attested, and it
     * fails the approving transaction (the attestation listener runs inside it) rather than standing unsigned: nothing
     * of it is committed, not even the re-evaluation watch's stored event publication.
     */
    @Test
    void anApprovalEventNamingNoVersionFailsTheApprovingTransaction() {
        long system = SystemFixtures.registerSystem(olivia, "Unversioned " + UUID.randomUUID(), "MINIMAL");
        String events = "SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?";
        String ofSystem = "%\"systemId\":" + system + ",%";
        int stored = jdbc.queryForObject(events, Integer.class, ofSystem);

        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            jdbc.update("UPDATE ai_system SET business_unit = ? WHERE id = ?", "Approved unit", system);
            this.events.publishEvent(new DeploymentApproved(system, null, "oscar"));
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("system " + system)
                .hasMessageContaining("names no model version");

        assertThat(jdbc.queryForObject("SELECT business_unit FROM ai_system WHERE id = ?", String.class, system))
                .isEqualTo("Retail");
        assertThat(jdbc.queryForObject(events, Integer.class, ofSystem)).isEqualTo(stored);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deployment_attestation WHERE system_id = ?",
                Integer.class, system)).isZero();
    }

    // ------------------------------------------------------------------------------------------------------------

    String approvalStatus(long requestId) {
        return jdbc.queryForObject("SELECT status FROM deployment_approval WHERE request_id = ?", String.class,
                requestId);
    }

    /** Checks the DSSE signature as the specification defines it, with the JDK and the published public key. */
    static boolean verifies(JsonNode envelope, JsonNode keys) throws Exception {
        byte[] payload = Base64.getDecoder().decode(envelope.get("payload").asText());
        byte[] type = envelope.get("payloadType").asText().getBytes(StandardCharsets.UTF_8);
        String pae = "DSSEv1 " + type.length + " " + new String(type, StandardCharsets.UTF_8) + " " + payload.length
                + " ";
        byte[] signed = new byte[pae.getBytes(StandardCharsets.UTF_8).length + payload.length];
        System.arraycopy(pae.getBytes(StandardCharsets.UTF_8), 0, signed, 0, pae.getBytes(StandardCharsets.UTF_8).length);
        System.arraycopy(payload, 0, signed, pae.getBytes(StandardCharsets.UTF_8).length, payload.length);
        String keyId = envelope.at("/signatures/0/keyid").asText();
        for (JsonNode key : keys) {
            if (!key.get("keyId").asText().equals(keyId)) {
                continue;
            }
            String algorithm = key.get("algorithm").asText();
            PublicKey publicKey = KeyFactory.getInstance("Ed25519".equals(algorithm) ? "Ed25519" : "EC")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get("publicKey").asText())));
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(signed);
            return verifier.verify(Base64.getDecoder().decode(envelope.at("/signatures/0/sig").asText()));
        }
        throw new AssertionError("keyid " + keyId + " is not among the published keys " + keys);
    }

    /** A TRANSPARENCY-tier system that has passed the gates before deployment. */
    long newSystem() {
        long system = SystemFixtures.registerSystem(olivia, "Attested " + UUID.randomUUID(), "TRANSPARENCY");
        walk().passGatesBeforeDeployment(system, "TRANSPARENCY", "0.0.1-validated");
        return system;
    }

    /** Registers the version with its model card (the deployment gate's required evidence); returns its id. */
    long registerVersion(long system, String label, String digest) {
        return EvidenceFixtures.versionWithModelCard(mia, system, label, digest);
    }

    /**
     * Submits the version (naming its serving image) and walks the TRANSPARENCY tier's reviews and the Accountable
     * approval; the request id.
     */
    long approve(long system, String label, String servingImage) {
        JsonNode request = walk().submitForDeployment(system, label, Map.of("note",
                "Release for the attestation scenario", "servingImage", servingImage));
        walk().approveDeployment(request.get("processInstanceId").asText(), "sam");
        return request.get("id").asLong();
    }

    static String decisionPath(long system, String label) {
        return "/api/systems/" + system + "/versions/" + label + "/deployment-decision";
    }

    static String check(long system, String label, String digest, String environment) {
        return decisionPath(system, label) + "?digest=" + digest + "&environment=" + environment;
    }

    static String attestation(long system, String label, String digest, String environment) {
        return decisionPath(system, label) + "/attestation?digest=" + digest + "&environment=" + environment;
    }

    static List<String> reasons(Response response) {
        List<String> reasons = new ArrayList<>();
        response.json().path("reasons").forEach(r -> reasons.add(r.asText()));
        return reasons;
    }

    static void assertProblem(Response response, String field) {
        assertThat(response.contentType()).as(response.toString()).startsWith(Api.PROBLEM_JSON);
        assertThat(response.problemFields()).as(response.toString()).contains(field);
        assertThat(response.body()).as(response.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
