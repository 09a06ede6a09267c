package io.aimsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two AIMS Gate nodes (separate JVMs from the packaged jar) on one PostgreSQL database, both with the job
 * executor on: Camunda's homogeneous cluster as docs/operations.md describes it.
 */
class TwoNodesIT {

    private static final String ADMIN = "it-admin";
    private static final String PASSWORD = "It-cluster-pw1";
    private static AppNode nodeA;
    private static AppNode nodeB;
    private static Http a;
    private static Http b;

    @BeforeAll
    static void startNodes() {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        Map<String, String> environment = new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "AIMS_DB_URL", database.url(),
                "AIMS_DB_USER", database.username(),
                "AIMS_DB_PASSWORD", database.password(),
                // Operators may bootstrap the first administrator from the environment.
                "CAMUNDA_BPM_ADMINUSER_ID", ADMIN,
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", PASSWORD,
                "CAMUNDA_BPM_JOBEXECUTION_WAITTIMEINMILLIS", "100",
                "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "500"));
        // One after the other: the first node creates the schema.
        environment.put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", "node-a");
        nodeA = AppNode.start("a", environment);
        environment.put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", "node-b");
        nodeB = AppNode.start("b", environment);
        a = new Http(nodeA.port());
        b = new Http(nodeB.port());
        createUser("p1", RaciGroups.AI_PRODUCT_OWNERS);
        createUser("p2", RaciGroups.AI_PRODUCT_OWNERS);
        createUser("e1", RaciGroups.ML_ENGINEERS);
        createUser("e2", RaciGroups.ML_ENGINEERS);
        createUser("s1", RaciGroups.SECURITY);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeA != null) {
            nodeA.close();
        }
        if (nodeB != null) {
            nodeB.close();
        }
    }

    @Test
    void timersAndAsyncJobsRunExactlyOnceAcrossBothNodes() throws Exception {
        deploy("it/cluster-jobs.bpmn");
        int instances = 20;
        for (int i = 0; i < instances; i++) {
            Http node = i % 2 == 0 ? a : b;
            Http.Response started = basic(node, ADMIN).post("/engine-rest/process-definition/key/it-cluster-jobs/start",
                    Map.of());
            assertThat(started.status()).as(started.body()).isEqualTo(200);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (count(a, "/engine-rest/history/process-instance/count?processDefinitionKey=it-cluster-jobs&finished=true")
                < instances) {
            assertThat(Instant.now()).as("all instances finished").isBefore(deadline);
            Thread.sleep(200);
        }
        JsonNode successes = basic(b, ADMIN).get("/engine-rest/history/job-log?processDefinitionKey=it-cluster-jobs"
                + "&successLog=true&maxResults=1000").json();
        Set<String> jobs = new HashSet<>();
        Map<String, Integer> byHost = new HashMap<>();
        successes.forEach(log -> {
            jobs.add(log.path("jobId").asText());
            byHost.merge(log.path("hostname").asText(), 1, Integer::sum);
        });
        // Two jobs per instance (timer, async step), each executed successfully exactly once.
        assertThat(successes.size()).isEqualTo(2 * instances);
        assertThat(jobs).hasSize(2 * instances);
        assertThat(byHost.keySet()).isSubsetOf(Set.of("node-a", "node-b"));
        System.out.println("Jobs executed per node: " + byHost);
    }

    @Test
    void concurrentCompletionLeavesOneCompletionAndTheOtherGets409ThenNodesSeeTheSameState() throws Exception {
        long systemId = basic(a, "p1").post("/api/systems", Map.of("name", "Cluster " + UUID.randomUUID(),
                "intendedUse", "Cluster test", "aiType", "PREDICTIVE", "businessOwner", "p1", "businessUnit", "QA",
                "supplierType", "IN_HOUSE", "euAiActTier", "MINIMAL", "dataCategories", List.of("synthetic"),
                "processesPersonalData", false)).json().path("id").asLong();
        walk(a).passGatesBeforeDeployment(systemId, "MINIMAL", "0.0.1-validated");
        Http.Response version = basic(b, "p1").post("/api/systems/" + systemId + "/versions",
                Map.of("versionLabel", "1.0.0", "artifactSha256", "cd".repeat(32)));
        assertThat(version.status()).isEqualTo(201);
        // The deployment gate requires the version's own model card (issue 16).
        walk(b).attach("e1", "MODEL_VERSION", version.json().path("id").asLong(), "MODEL_CARD", "model-card.md");
        JsonNode request = basic(a, "p1").post("/api/systems/" + systemId + "/versions/1.0.0/deployment-requests",
                Map.of()).json();
        String instance = request.path("processInstanceId").asText();
        String technical = taskId(b, "e1", instance, "task_technical_review");

        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Http.Response> viaA = CompletableFuture.supplyAsync(() -> {
            await(go);
            return basic(a, "e1").post("/engine-rest/task/" + technical + "/complete", decision());
        });
        CompletableFuture<Http.Response> viaB = CompletableFuture.supplyAsync(() -> {
            await(go);
            return basic(b, "e2").post("/engine-rest/task/" + technical + "/complete", decision());
        });
        go.countDown();
        List<Integer> statuses = new ArrayList<>(List.of(viaA.get().status(), viaB.get().status()));
        statuses.sort(Integer::compare);
        assertThat(statuses).as(viaA.get().body() + " / " + viaB.get().body()).containsExactly(204, 409);

        JsonNode decisions = basic(b, "p2").get("/api/deployment-requests/" + request.path("id").asLong()).json()
                .path("decisions");
        assertThat(decisions).hasSize(1);

        // Completed on node B, visible on node A at once.
        String security = taskId(a, "s1", instance, "task_security_review");
        assertThat(basic(b, "s1").post("/engine-rest/task/" + security + "/complete", decision()).status())
                .isEqualTo(204);
        assertThat(count(a, "/engine-rest/task/count?processInstanceId=" + instance
                + "&taskDefinitionKey=task_security_review")).isZero();
        String approval = taskId(a, "p2", instance, "task_accountable_approval");
        assertThat(basic(a, "p2").post("/engine-rest/task/" + approval + "/complete", decision()).status())
                .isEqualTo(204);
        assertThat(basic(b, "p1").get("/api/systems/" + systemId + "/versions/1.0.0/deployment-decision").status())
                .isEqualTo(200);
    }

    @Test
    void writersOnBothNodesProduceOneGapFreeChainAndThePackVerifiesWithTheJar() throws Exception {
        createUser("au1", RaciGroups.AUDITORS);
        long systemId = basic(a, "p1").post("/api/systems", Map.of("name", "Ledger cluster " + UUID.randomUUID(),
                "intendedUse", "Cluster ledger test", "aiType", "PREDICTIVE", "businessOwner", "p1", "businessUnit",
                "QA", "supplierType", "IN_HOUSE", "euAiActTier", "MINIMAL", "dataCategories", List.of("synthetic"),
                "processesPersonalData", false)).json().path("id").asLong();
        int writes = 24;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Http.Response>> risks = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            Http node = i % 2 == 0 ? a : b;
            String title = "Cluster risk " + i;
            risks.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return basic(node, "p1").post("/api/systems/" + systemId + "/risks", Map.of(
                        "lifecycleStage", "VERIFICATION_AND_VALIDATION", "strideCategory", "TAMPERING", "title", title,
                        "description", "Written concurrently on two nodes.", "likelihood", 2, "impact", 2));
            }));
        }
        go.countDown();
        for (CompletableFuture<Http.Response> risk : risks) {
            assertThat(risk.get().status()).as(risk.get().body()).isEqualTo(201);
        }
        JsonNode viaA = basic(a, ADMIN).get("/api/audit/verify").json();
        JsonNode viaB = basic(b, ADMIN).get("/api/audit/verify").json();
        assertThat(viaA.path("ok").asBoolean()).as(viaA.toString()).isTrue();
        assertThat(viaB.path("lastSequence").asLong()).isEqualTo(viaA.path("lastSequence").asLong());
        assertThat(viaA.path("entriesChecked").asLong()).isEqualTo(viaA.path("lastSequence").asLong());
        assertThat(basic(b, "au1").get("/api/audit?systemId=" + systemId + "&kind=RISK_CREATED").json()
                .at("/page/totalElements").asLong()).isEqualTo(writes);

        HttpResponse<byte[]> pack = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + nodeB.port() + "/api/systems/" + systemId + "/evidence-pack"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("au1:" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pack.statusCode()).isEqualTo(200);
        Path file = java.nio.file.Files.createTempFile("cluster-pack", ".zip");
        try {
            java.nio.file.Files.write(file, pack.body());
            Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", Path.of(System.getProperty("aims.it.jar")).toAbsolutePath().toString(), "verify-pack",
                    file.toString()).redirectErrorStream(true).start();
            String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(verifier.waitFor()).as(output).isZero();
            // The system's registration and its risks.
            assertThat(output).contains("chain intact", "OK", (writes + 1) + " of this system");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    // --- helpers

    private static void createUser(String userId, String group) {
        Http.Response created = basic(a, ADMIN).post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", userId, "firstName", userId, "lastName", "Cluster", "email",
                        userId + "@it.example"),
                "credentials", Map.of("password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Http.Response member = basic(b, ADMIN).send("PUT", "/engine-rest/group/" + group + "/members/" + userId, null);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    private static Http.Caller basic(Http node, String user) {
        return node.with("Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static long count(Http node, String path) {
        Http.Response response = basic(node, ADMIN).get(path);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }

    private static String taskId(Http node, String user, String instance, String key) {
        JsonNode tasks = basic(node, user).get("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as(user + " sees " + key).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private static Map<String, Object> decision() {
        return Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"),
                "rationale", Map.of("value", "Reviewed on a cluster node")));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Multipart deployment of a test-only model through node A's engine REST API, as an administrator. */
    private static void deploy(String resource) throws IOException, InterruptedException {
        byte[] model;
        try (var in = TwoNodesIT.class.getClassLoader().getResourceAsStream(resource)) {
            model = in.readAllBytes();
        }
        String boundary = "----aims" + UUID.randomUUID();
        String fileName = Path.of(resource).getFileName().toString();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nit\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + model.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(model, 0, body, head.length, model.length);
        System.arraycopy(tail, 0, body, head.length + model.length, tail.length);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + nodeA.port() + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** The earlier life-cycle gates, walked over HTTP on one node by the cluster test's users. */
    private static LifecycleWalk walk(Http node) {
        return new LifecycleWalk((user, method, path, body, expected) -> {
            Http.Response response = basic(node, user).send(method, path, body);
            assertThat(response.status()).as(method + " " + path + " " + response.body()).isEqualTo(expected);
            return response.json();
        }, new LifecycleWalk.Cast("p1", "p2", "e1", null, null, null));
    }
}
