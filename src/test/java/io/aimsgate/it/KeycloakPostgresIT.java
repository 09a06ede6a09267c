package io.aimsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.EmbeddedPostgres;
import io.aimsgate.support.SecurityMatrix;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode against the real things: a Keycloak server (realm from keycloak/aims-gate-realm.json),
 * PostgreSQL from an empty database (Flyway + engine schema), and the REST APIs over HTTP with real tokens.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "keycloak"})
class KeycloakPostgresIT {

    /** Every kind of caller the authorisation matrix distinguishes. */
    enum Who {
        OWNER("it-owner", RaciGroups.AI_PRODUCT_OWNERS), OWNER2("it-owner2", RaciGroups.AI_PRODUCT_OWNERS),
        ENGINEER("it-engineer", RaciGroups.ML_ENGINEERS), SECURITY("it-security", RaciGroups.SECURITY),
        LEGAL("it-legal", RaciGroups.LEGAL), PRIVACY("it-privacy", RaciGroups.PRIVACY),
        ETHICS("it-ethics", RaciGroups.ETHICS), BOARD("it-board", RaciGroups.GOVERNANCE_BOARD),
        STAKEHOLDER("it-stakeholder", RaciGroups.BUSINESS_STAKEHOLDERS), AUDITOR("it-auditor", RaciGroups.AUDITORS),
        NO_GROUP("it-nogroup", null), PIPELINE(null, null), NO_TOKEN(null, null), EXPIRED(null, null),
        FOREIGN_SIGNED(null, null);

        final String username;
        final String group;

        Who(String username, String group) {
            this.username = username;
            this.group = group;
        }
    }

    static final Set<Who> PARTICIPANTS = EnumSet.range(Who.OWNER, Who.AUDITOR);
    static final Set<Who> UNAUTHENTICATED = EnumSet.of(Who.NO_TOKEN, Who.EXPIRED, Who.FOREIGN_SIGNED);
    static final Set<Who> OWNERS = EnumSet.of(Who.OWNER, Who.OWNER2);
    static final Set<Who> RISK_MAINTAINERS = EnumSet.of(Who.OWNER, Who.OWNER2, Who.ENGINEER, Who.SECURITY,
            Who.LEGAL, Who.PRIVACY, Who.ETHICS, Who.BOARD);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<Who, String> AUTHORIZATION = new EnumMap<>(Who.class);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @DynamicPropertySource
    static void realServices(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.registerFreshDatabase(registry);
        KeycloakTestServer.get().applicationProperties().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void tokens() throws Exception {
        http = new Http(port);
        if (!AUTHORIZATION.isEmpty()) {
            return;
        }
        KeycloakTestServer keycloak = KeycloakTestServer.get();
        for (Who who : Who.values()) {
            if (who.username != null) {
                String password = who.group == null ? keycloak.ensureUser(who.username)
                        : keycloak.ensureUser(who.username, who.group);
                AUTHORIZATION.put(who, "Bearer " + keycloak.userToken(who.username, password));
            }
        }
        AUTHORIZATION.put(Who.PIPELINE, "Bearer " + keycloak.pipelineToken());
        AUTHORIZATION.put(Who.FOREIGN_SIGNED, "Bearer " + foreignSignedToken(keycloak.issuer()));
        String expiring = keycloak.userToken(Who.BOARD.username, keycloak.ensureUser(Who.BOARD.username,
                Who.BOARD.group), KeycloakTestServer.SHORT_LIVED_CLIENT);
        assertThat(http.with("Bearer " + expiring).get("/api/raci").status()).as("fresh short-lived token").isEqualTo(200);
        awaitExpiry(expiring);
        AUTHORIZATION.put(Who.EXPIRED, "Bearer " + expiring);
    }

    @Test
    void startsFromAnEmptyPostgresDatabaseWithMigrationsAndNoDemoUsers() {
        assertThat(jdbc.queryForObject("select count(*) from aims_schema_history where success", Integer.class))
                .isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class)).isPositive();
        // Users come from Keycloak: the engine's own user table stays empty (no demo users in production).
        assertThat(jdbc.queryForObject("select count(*) from act_id_user", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from act_re_procdef where key_ = 'deployment-approval'",
                Integer.class)).isEqualTo(1);
    }

    /**
     * The /engine-rest rows of docs/security.md with real Keycloak tokens (the demo-profile HTTP tests check every row
     * with Basic and webapp sessions): each group's token, a user outside every group ("guest"), no token. The
     * realm here has no camunda-admin user, so that column is checked only in the demo profile.
     */
    @Test
    void engineRestRowsOfTheSecurityMatrixHoldWithKeycloakTokens() {
        Map<String, Who> columns = Map.ofEntries(Map.entry("anonymous", Who.NO_TOKEN), Map.entry("guest", Who.NO_GROUP),
                Map.entry("ai-product-owners", Who.OWNER), Map.entry("ml-engineers", Who.ENGINEER),
                Map.entry("security", Who.SECURITY), Map.entry("legal", Who.LEGAL), Map.entry("privacy", Who.PRIVACY),
                Map.entry("ethics", Who.ETHICS), Map.entry("governance-board", Who.BOARD),
                Map.entry("business-stakeholders", Who.STAKEHOLDER), Map.entry("auditors", Who.AUDITOR));
        String filter = as(Who.OWNER).get("/engine-rest/filter?name=My%20tasks").json().get(0).get("id").asText();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (SecurityMatrix.Row row : SecurityMatrix.read()) {
            if (!row.path().startsWith("/engine-rest")) {
                continue;
            }
            for (Map.Entry<String, Who> column : columns.entrySet()) {
                Who who = column.getValue();
                String me = who.username == null ? "nobody" : who.username;
                Http.Response response = as(who).send(row.method(), row.concretePath(me, filter), row.engineBody(me));
                calls++;
                boolean allowed = row.allowed().get(column.getKey());
                if (response.status() >= 500 || allowed == SecurityMatrix.denied(response.status())) {
                    failures.add(row.operation() + " as " + column.getKey() + ": expected "
                            + (allowed ? "allowed" : "denied") + ", got " + response.status() + " " + response.body());
                }
            }
        }
        assertThat(calls).isGreaterThan(500);
        assertThat(failures).as(calls + " calls against docs/security.md").isEmpty();
    }

    @Test
    void authorisationMatrix() {
        long systemId = createSystem(Who.OWNER);
        List<String> failures = new ArrayList<>();
        check(failures, "GET /api/systems", who -> as(who).get("/api/systems"), expect(PARTICIPANTS, 200));
        check(failures, "GET /api/systems/{id}", who -> as(who).get("/api/systems/" + systemId),
                expect(PARTICIPANTS, 200));
        check(failures, "POST /api/systems", who -> as(who).post("/api/systems", systemBody()),
                expect(EnumSet.of(Who.OWNER, Who.OWNER2, Who.BOARD), 201));
        check(failures, "POST /api/systems/{id}/versions",
                who -> as(who).post("/api/systems/" + systemId + "/versions", versionBody(nextLabel())),
                expect(EnumSet.of(Who.OWNER, Who.OWNER2, Who.ENGINEER), 201));
        check(failures, "POST /api/systems/{id}/risks",
                who -> as(who).post("/api/systems/" + systemId + "/risks", lowRisk()), expect(RISK_MAINTAINERS, 201));
        String label = registerVersion(systemId);
        check(failures, "GET deployment-decision",
                who -> as(who).get("/api/systems/" + systemId + "/versions/" + label + "/deployment-decision"),
                expect(union(PARTICIPANTS, EnumSet.of(Who.PIPELINE)), 409));
        check(failures, "POST deployment-requests", who -> as(who).post("/api/systems/" + systemId + "/versions/"
                + registerVersion(systemId) + "/deployment-requests", Map.of()), expect(OWNERS, 201));
        check(failures, "GET /api/raci", who -> as(who).get("/api/raci"), expect(PARTICIPANTS, 200));
        check(failures, "GET /engine-rest/task", who -> as(who).get("/engine-rest/task"), expect(PARTICIPANTS, 200));
        check(failures, "GET /engine-rest/process-definition", who -> as(who).get("/engine-rest/process-definition"),
                expect(PARTICIPANTS, 200));
        check(failures, "POST /engine-rest/process-definition/key/deployment-approval/start",
                who -> as(who).post("/engine-rest/process-definition/key/deployment-approval/start", Map.of(
                        "variables", Map.of("systemId", Map.of("value", systemId, "type", "Long"),
                                "versionLabel", Map.of("value", registerVersion(systemId))))),
                expect(OWNERS, 200));
        assertThat(failures).as("authorisation matrix mismatches").isEmpty();
    }

    @Test
    void governanceBoardAndAuditorsReadEveryGateOthersOnlyTheirTasks() {
        long systemId = createSystem(Who.OWNER);
        submit(Who.OWNER, systemId, registerVersion(systemId));
        assertThat(count(Who.BOARD, "/engine-rest/process-instance/count")).isPositive();
        assertThat(count(Who.AUDITOR, "/engine-rest/history/process-instance/count")).isPositive();
        // Process instances are Cockpit reading (docs/security.md): a reviewer is refused before the engine.
        assertThat(as(Who.ENGINEER).get("/engine-rest/process-instance/count").status()).isEqualTo(403);
        assertThat(count(Who.ENGINEER, "/engine-rest/task/count?taskDefinitionKey=task_technical_review")).isPositive();
        assertThat(count(Who.LEGAL, "/engine-rest/task/count?taskDefinitionKey=task_technical_review")).isZero();
        assertThat(as(Who.NO_GROUP).get("/engine-rest/task").status()).isEqualTo(403);
    }

    @Test
    void fullDeploymentApprovalWithRealTokensAndRefusedSelfApproval() {
        long systemId = createSystem(Who.OWNER);
        String label = registerVersion(systemId);
        JsonNode request = submit(Who.OWNER, systemId, label);
        assertThat(request.path("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(request.path("submittedBy").asText()).isEqualTo(Who.OWNER.username);
        String instance = request.path("processInstanceId").asText();

        complete(Who.ENGINEER, taskOf(Who.ENGINEER, instance, "task_technical_review"), "APPROVE");
        complete(Who.SECURITY, taskOf(Who.SECURITY, instance, "task_security_review"), "APPROVE");
        String approval = taskOf(Who.OWNER2, instance, "task_accountable_approval");
        Http.Response selfClaim = as(Who.OWNER).post("/engine-rest/task/" + approval + "/claim",
                Map.of("userId", Who.OWNER.username));
        assertThat(selfClaim.status()).as(selfClaim.body()).isEqualTo(403);
        assertThat(selfClaim.body()).contains("Segregation of duties");
        Http.Response selfComplete = as(Who.OWNER).post("/engine-rest/task/" + approval + "/complete", decision("APPROVE"));
        assertThat(selfComplete.status()).as(selfComplete.body()).isEqualTo(403);
        complete(Who.OWNER2, approval, "APPROVE");

        Http.Response pipeline = as(Who.PIPELINE).get("/api/systems/" + systemId + "/versions/" + label
                + "/deployment-decision");
        assertThat(pipeline.status()).as(pipeline.body()).isEqualTo(200);
        assertThat(pipeline.json().path("approvedBy").asText()).isEqualTo(Who.OWNER2.username);
        JsonNode decided = as(Who.AUDITOR).get("/api/deployment-requests/" + request.path("id").asLong()).json();
        assertThat(decided.path("status").asText()).isEqualTo("APPROVED");
        List<String> deciders = new ArrayList<>();
        decided.path("decisions").forEach(d -> deciders.add(d.path("decidedBy").asText()));
        assertThat(deciders).containsExactlyInAnyOrder(Who.ENGINEER.username, Who.SECURITY.username,
                Who.OWNER2.username);
    }

    @Test
    void pipelineClientReadsDeploymentDecisionsAndNothingElse() {
        long systemId = createSystem(Who.OWNER);
        String label = registerVersion(systemId);
        assertThat(as(Who.PIPELINE).get("/api/systems/" + systemId + "/versions/" + label + "/deployment-decision")
                .status()).isEqualTo(409);
        assertThat(as(Who.PIPELINE).get("/api/systems/" + systemId + "/versions/nope/deployment-decision").status())
                .isEqualTo(404);
        assertThat(as(Who.PIPELINE).get("/api/systems/" + systemId).status()).isEqualTo(403);
        assertThat(as(Who.PIPELINE).get("/engine-rest/task").status()).isEqualTo(403);
        assertThat(as(Who.PIPELINE).post("/api/systems", systemBody()).status()).isEqualTo(403);
    }

    @Test
    void expiredAndForeignSignedTokensAreRefusedWithProblemJson() {
        for (Who who : UNAUTHENTICATED) {
            Http.Response api = as(who).get("/api/systems");
            assertThat(api.status()).as(who + " " + api.body()).isEqualTo(401);
            assertThat(api.contentType()).startsWith("application/problem+json");
            assertThat(as(who).get("/engine-rest/task").status()).as(who.name()).isEqualTo(401);
        }
    }

    // --- helpers

    private static void check(List<String> failures, String endpoint, Function<Who, Http.Response> call,
            Map<Who, Integer> expected) {
        for (Who who : Who.values()) {
            Http.Response response = call.apply(who);
            if (response.status() != expected.get(who)) {
                failures.add(endpoint + " as " + who + ": expected " + expected.get(who) + " got "
                        + response.status() + " " + response.body());
            }
        }
    }

    /** Allowed callers get {@code status}; other authenticated callers 403; unauthenticated ones 401. */
    private static Map<Who, Integer> expect(Set<Who> allowed, int status) {
        Map<Who, Integer> expected = new EnumMap<>(Who.class);
        for (Who who : Who.values()) {
            expected.put(who, UNAUTHENTICATED.contains(who) ? 401 : allowed.contains(who) ? status : 403);
        }
        return expected;
    }

    private static Set<Who> union(Set<Who> a, Set<Who> b) {
        Set<Who> all = EnumSet.noneOf(Who.class);
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    private Http.Caller as(Who who) {
        return http.with(AUTHORIZATION.get(who));
    }

    private long createSystem(Who who) {
        Http.Response created = as(who).post("/api/systems", systemBody());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long systemId = created.json().path("id").asLong();
        if (who == Who.OWNER) {
            walk().passGatesBeforeDeployment(systemId, "MINIMAL", "0.0.1-validated");
        }
        return systemId;
    }

    /** The earlier life-cycle gates, walked with real Keycloak tokens of each RACI role. */
    private LifecycleWalk walk() {
        Map<String, Who> byName = new java.util.HashMap<>();
        for (Who who : Who.values()) {
            if (who.username != null) {
                byName.put(who.username, who);
            }
        }
        return new LifecycleWalk((user, method, path, body, expected) -> {
            Http.Response response = as(byName.get(user)).send(method, path, body);
            assertThat(response.status()).as(method + " " + path + " " + response.body()).isEqualTo(expected);
            return response.json();
        }, new LifecycleWalk.Cast(Who.OWNER.username, Who.OWNER2.username, Who.ENGINEER.username,
                Who.ETHICS.username, Who.LEGAL.username, Who.BOARD.username));
    }

    private String registerVersion(long systemId) {
        String label = nextLabel();
        Http.Response created = as(Who.OWNER).post("/api/systems/" + systemId + "/versions", versionBody(label));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        // The deployment gate requires the version's own model card (issue 16), written by the ML engineer.
        walk().attach(Who.ENGINEER.username, "MODEL_VERSION", created.json().path("id").asLong(), "MODEL_CARD",
                "model-card.md");
        return label;
    }

    private JsonNode submit(Who who, long systemId, String label) {
        Http.Response submitted = as(who).post("/api/systems/" + systemId + "/versions/" + label
                + "/deployment-requests", Map.of("note", "integration test"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.json();
    }

    private String taskOf(Who who, String processInstanceId, String taskKey) {
        Http.Response tasks = as(who).get("/engine-rest/task?processInstanceId=" + processInstanceId
                + "&taskDefinitionKey=" + taskKey);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        assertThat(tasks.json()).as(who + " sees " + taskKey).hasSize(1);
        return tasks.json().get(0).path("id").asText();
    }

    private void complete(Who who, String taskId, String decision) {
        Http.Response claimed = as(who).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", who.username));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        Http.Response completed = as(who).post("/engine-rest/task/" + taskId + "/complete", decision(decision));
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
    }

    private long count(Who who, String path) {
        Http.Response response = as(who).get(path);
        assertThat(response.status()).as(who + " " + path + " " + response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }

    private static Map<String, Object> decision(String decision) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision),
                "rationale", Map.of("value", "Checked in the integration test with real tokens")));
    }

    private static Map<String, Object> systemBody() {
        return Map.of("name", "IT system " + UUID.randomUUID(), "intendedUse", "Integration testing",
                "aiType", "PREDICTIVE", "businessOwner", Who.OWNER.username, "businessUnit", "QA",
                "supplierType", "IN_HOUSE", "euAiActTier", "MINIMAL", "dataCategories", List.of("synthetic"),
                "processesPersonalData", false);
    }

    private static Map<String, Object> versionBody(String label) {
        return Map.of("versionLabel", label, "artifactSha256", "ab".repeat(32));
    }

    private static Map<String, Object> lowRisk() {
        return Map.of("lifecycleStage", "VERIFICATION_AND_VALIDATION", "strideCategory", "TAMPERING",
                "title", "Low risk " + SEQUENCE.incrementAndGet(), "likelihood", 1, "impact", 2);
    }

    private static String nextLabel() {
        return "1.0." + SEQUENCE.incrementAndGet();
    }

    /** Polls until the short-lived token is refused (its lifespan is 2 s; the app allows no clock skew). */
    private void awaitExpiry(String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (http.with("Bearer " + token).get("/api/raci").status() != 401) {
            assertThat(Instant.now()).as("short-lived token still accepted").isBefore(deadline);
            Thread.sleep(250);
        }
    }

    /** Same issuer, audience and claims as a real board token, signed with a key Keycloak never saw. */
    private static String foreignSignedToken(String issuer) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("attacker").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience("aims-gate")
                .subject(UUID.randomUUID().toString()).claim("preferred_username", Who.BOARD.username)
                .claim("groups", List.of(RaciGroups.GOVERNANCE_BOARD)).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
