package io.aimsgate.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.LifecycleWalk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} over HTTP: who may scrape it, and that the engine's metrics and ours move with what
 * happens (a gate started and rejected, a refused and an accepted task completion, a pipeline check).
 */
@H2DemoApp
class H2MetricsTest {

    /** What Prometheus asks for. */
    static final String PROMETHEUS = "text/plain;version=0.0.4;q=0.9,*/*;q=0.1";

    static final String RATIONALE = "Evidence reviewed and found complete for this release.";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    Api api;
    Caller admin;

    @BeforeEach
    void callers() {
        api = new Api(port);
        admin = api.as("admin");
    }

    @Test
    void onlyAdministratorsScrapeAndOtherActuatorPathsAreRefused() {
        Api.Response anonymous = api.anonymous().get("/actuator/prometheus").expect(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(api.as("olivia").get("/actuator/prometheus").expect(403).isProblem()).isTrue();
        assertThat(api.as("alex").get("/actuator/prometheus").expect(403).isProblem()).isTrue();
        assertThat(admin.get("/actuator/prometheus", PROMETHEUS).expect(200).contentType()).startsWith("text/plain");
        api.anonymous().get("/actuator/env").expect(401);
        admin.get("/actuator/env").expect(403);
        admin.get("/actuator/beans").expect(403);
        api.anonymous().get("/actuator/health/readiness").expect(200);
        api.anonymous().get("/actuator/info").expect(200);
    }

    @Test
    void gateTaskAndPipelineMetricsFollowWhatHappened() {
        String kind = "kind=\"deployment-approval\"";
        double started = value("aims_gates_started_total", kind);
        double rejected = value("aims_gates_ended_total", kind, "outcome=\"rejected\"");
        double mlWaits = value("aims_tasks_wait_seconds_count", kind, "group=\"ml-engineers\"");
        double blocked = value("aims_pipeline_decisions_total", "answer=\"blocked\"");

        Caller olivia = api.as("olivia");
        Caller mia = api.as("mia");
        Caller sam = api.as("sam");
        long system = olivia.post("/api/systems", system("Metrics " + UUID.randomUUID())).expect(201).json()
                .get("id").asLong();
        new LifecycleWalk((user, method, path, body, expected) -> api.as(user).send(method, path, body,
                "application/json").expect(expected).json(), LifecycleWalk.Cast.DEMO)
                .passGatesBeforeDeployment(system, "MINIMAL", "0.0.1-validated");
        mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0", "artifactSha256",
                "ab".repeat(32))).expect(201);
        String pid = olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests",
                Map.of("note", "Metrics probe")).expect(201).json().get("processInstanceId").asText();
        api.as("ben").get("/api/systems/" + system + "/versions/1.0.0/deployment-decision").expect(409);

        // A refused completion (rationale too short) is rolled back and not counted.
        String review = task(mia, pid, "task_technical_review");
        mia.post("/engine-rest/task/" + review + "/claim", Map.of("userId", "mia")).expect(204);
        mia.post("/engine-rest/task/" + review + "/complete", decision("REJECT", "no")).expect(400);
        assertThat(value("aims_tasks_wait_seconds_count", kind, "group=\"ml-engineers\"")).isEqualTo(mlWaits);

        mia.post("/engine-rest/task/" + review + "/complete", decision("REJECT", RATIONALE)).expect(204);
        String security = task(sam, pid, "task_security_review");
        sam.post("/engine-rest/task/" + security + "/claim", Map.of("userId", "sam")).expect(204);
        sam.post("/engine-rest/task/" + security + "/complete", decision("REJECT", RATIONALE)).expect(204);

        assertThat(value("aims_gates_started_total", kind)).isEqualTo(started + 1);
        assertThat(value("aims_gates_ended_total", kind, "outcome=\"rejected\"")).isEqualTo(rejected + 1);
        assertThat(value("aims_tasks_wait_seconds_count", kind, "group=\"ml-engineers\"")).isEqualTo(mlWaits + 1);
        assertThat(value("aims_pipeline_decisions_total", "answer=\"blocked\"")).isEqualTo(blocked + 1);
        String scrape = scrape();
        assertThat(scrape).contains("camunda_tasks_open", "camunda_jobs_failed_open", "camunda_incidents_open",
                "camunda_root_process_instances_started_total", "camunda_process_instances_running{");
        assertThat(value("camunda_root_process_instances_started_total")).isPositive();

        // The Grafana dashboard and the alerts of docs/operations.md use only series the server exports.
        Set<String> exported = new TreeSet<>();
        Matcher names = Pattern.compile("(?m)^([a-z_]+)[{ ]").matcher(scrape);
        while (names.find()) {
            exported.add(names.group(1));
        }
        String operations = read(Path.of("docs/operations.md"));
        String alerts = operations.substring(operations.indexOf("**Alerts worth having**"));
        alerts = alerts.substring(0, alerts.indexOf("\n## "));
        for (Map.Entry<String, String> document : Map.of("docs/grafana/aims-gate.json",
                read(Path.of("docs/grafana/aims-gate.json")), "the alerts of docs/operations.md", alerts).entrySet()) {
            Matcher used = Pattern.compile("\\b((?:aims|camunda|http_server|jvm)_[a-z_]+)[{)\\[ ]")
                    .matcher(document.getValue());
            int count = 0;
            while (used.find()) {
                count++;
                assertThat(exported).as(document.getKey() + " uses " + used.group(1)).contains(used.group(1));
            }
            assertThat(count).as("series used in " + document.getKey()).isGreaterThan(3);
        }
    }

    private static String read(Path document) {
        try {
            return Files.readString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void haltsLedgerAppendsEvidenceAndLedgerVerificationAreCounted() {
        String kind = "kind=\"deployment-approval\"";
        double halted = value("aims_gates_halted_total", kind);
        double appends = value("aims_ledger_appends_total");
        double evidence = value("aims_evidence_stored_bytes_total");

        Caller olivia = api.as("olivia");
        Caller mia = api.as("mia");
        long system = olivia.post("/api/systems", system("Metrics halt " + UUID.randomUUID())).expect(201).json()
                .get("id").asLong();
        new LifecycleWalk((user, method, path, body, expected) -> api.as(user).send(method, path, body,
                "application/json").expect(expected).json(), LifecycleWalk.Cast.DEMO)
                .passGatesBeforeDeployment(system, "MINIMAL", "0.0.1-validated");
        mia.post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0", "artifactSha256",
                "cd".repeat(32))).expect(201);
        EvidenceFixtures.attach(mia, "SYSTEM", system, "OTHER", "metrics-probe.md");
        Map<String, Object> risk = new LinkedHashMap<>();
        risk.put("lifecycleStage", "VERIFICATION_AND_VALIDATION");
        risk.put("strideCategory", "TAMPERING");
        risk.put("title", "Unmitigated model tampering");
        risk.put("description", "Found during the release review.");
        risk.put("likelihood", 5);
        risk.put("impact", 5);
        risk.put("treatment", "MITIGATE");
        risk.put("treatmentOwner", "mia");
        risk.put("dueDate", "2030-01-31");
        api.as("sam").post("/api/systems/" + system + "/risks", risk).expect(201);
        JsonNode request = olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests",
                Map.of("note", "Metrics probe of a halt")).expect(201).json();
        assertThat(request.get("status").asText()).isEqualTo("HALTED");

        assertThat(value("aims_gates_halted_total", kind)).isEqualTo(halted + 1);
        assertThat(value("aims_ledger_appends_total")).isGreaterThan(appends);
        assertThat(value("aims_evidence_stored_bytes_total")).isGreaterThan(evidence);
        admin.get("/api/audit/verify").expect(200);
        assertThat(value("aims_ledger_verification_ok")).isEqualTo(1.0);
    }

    /**
     * A pipeline polling the check by digest and environment is answered from the decision cache without a database
     * connection: checking the parameters takes no transaction (docs/benchmarks.md, "Per-request path").
     */
    @Test
    void aCachedPipelineCheckTakesNoDatabaseConnection() {
        long system = api.as("olivia").post("/api/systems", system("Metrics poll " + UUID.randomUUID())).expect(201)
                .json().get("id").asLong();
        api.as("mia").post("/api/systems/" + system + "/versions", Map.of("versionLabel", "1.0.0", "artifactSha256",
                "ef".repeat(32))).expect(201);
        Caller ben = api.as("ben");
        String check = "/api/systems/" + system + "/versions/1.0.0/deployment-decision?digest=sha256:"
                + "ef".repeat(32) + "&environment=production";
        assertThat(ben.get(check).expect(409).json().get("reasons").toString()).contains("1.0.0");
        Timer acquired = meters.get("hikaricp.connections.acquire").timer();
        long before = acquired.count();
        int checks = 30;
        for (int i = 0; i < checks; i++) {
            ben.get(check).expect(409);
        }
        // A new answer at most once a second (aims.pipeline.decision-cache-ttl) and the odd background job: far
        // fewer than one connection a check.
        assertThat(acquired.count() - before).isLessThan(checks / 2);
    }

    private String scrape() {
        return admin.get("/actuator/prometheus", PROMETHEUS).expect(200).body();
    }

    /** The value of one series (name and the given labels; 0 when it does not exist yet). */
    private double value(String name, String... labels) {
        double sum = 0;
        Matcher lines = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)$").matcher(scrape());
        while (lines.find()) {
            String series = lines.group(1) == null ? "" : lines.group(1);
            if (List.of(labels).stream().allMatch(series::contains)) {
                sum += Double.parseDouble(lines.group(2));
            }
        }
        return sum;
    }

    private static String task(Caller caller, String pid, String key) {
        JsonNode tasks = caller.get("/engine-rest/task?processInstanceId=" + pid + "&taskDefinitionKey=" + key)
                .expect(200).json();
        assertThat(tasks).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private static Map<String, Object> decision(String decision, String rationale) {
        return Map.of("variables", Map.of("decision", Map.of("value", decision), "rationale",
                Map.of("value", rationale)));
    }

    private static Map<String, Object> system(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("intendedUse", "Suggests products to customers; staff can override.");
        body.put("aiType", "PREDICTIVE");
        body.put("businessOwner", "olivia");
        body.put("businessUnit", "Retail");
        body.put("supplierType", "IN_HOUSE");
        body.put("euAiActTier", "MINIMAL");
        body.put("dataCategories", List.of("usage logs"));
        body.put("processesPersonalData", false);
        return body;
    }
}
