package io.aimsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.EmbeddedPostgres;
import io.aimsgate.support.LifecycleWalk;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restore drill of docs/operations.md ("Backup and restore"), as an operator runs it: a platform on PostgreSQL
 * with a gate half-way through, an online {@code pg_dump} of the one database (engine, registers and everything else
 * together), {@code pg_restore} into an empty database, a new node started on it; the gate then goes on where it was
 * and ends in an approval the pipeline check sees.
 */
class BackupRestoreDrillIT {

    private static final String ADMIN = "drill-admin";
    private static final String PASSWORD = "Drill-restore-pw1";

    @TempDir
    Path work;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseCarriesOnWhereTheGateWas() throws Exception {
        EmbeddedPostgres.Database original = EmbeddedPostgres.freshDatabase();
        long systemId;
        String instance;
        String riskTitle = "Drift in the restored register " + UUID.randomUUID();
        Path dump = work.resolve("aimsgate.dump");
        try (AppNode node = AppNode.start("drill-before", environment(original))) {
            Http http = new Http(node.port());
            createUser(http, "p1", RaciGroups.AI_PRODUCT_OWNERS);
            createUser(http, "p2", RaciGroups.AI_PRODUCT_OWNERS);
            createUser(http, "e1", RaciGroups.ML_ENGINEERS);
            createUser(http, "s1", RaciGroups.SECURITY);
            systemId = basic(http, "p1").post("/api/systems", Map.of("name", "Drill " + UUID.randomUUID(),
                    "intendedUse", "Restore drill", "aiType", "PREDICTIVE", "businessOwner", "p1",
                    "businessUnit", "QA", "supplierType", "IN_HOUSE", "euAiActTier", "MINIMAL", "dataCategories",
                    List.of("synthetic"), "processesPersonalData", false)).json().path("id").asLong();
            walk(http).passGatesBeforeDeployment(systemId, "MINIMAL", "0.0.1-validated");
            Http.Response version = basic(http, "e1").post("/api/systems/" + systemId + "/versions",
                    Map.of("versionLabel", "1.0.0", "artifactSha256", "ef".repeat(32)));
            assertThat(version.status()).isEqualTo(201);
            // The deployment gate requires the version's own model card; the restored database carries it.
            walk(http).attach("e1", "MODEL_VERSION", version.json().path("id").asLong(), "MODEL_CARD",
                    "model-card.md");
            Http.Response risk = basic(http, "s1").post("/api/systems/" + systemId + "/risks", Map.of(
                    "lifecycleStage", "VERIFICATION_AND_VALIDATION", "strideCategory", "TAMPERING", "title", riskTitle,
                    "description", "Recorded before the backup", "likelihood", 2, "impact", 2, "treatment", "MITIGATE",
                    "treatmentOwner", "e1", "dueDate", "2030-01-31"));
            assertThat(risk.status()).as(risk.body()).isEqualTo(201);
            instance = basic(http, "p1").post("/api/systems/" + systemId + "/versions/1.0.0/deployment-requests",
                    Map.of("note", "Before the backup")).json().path("processInstanceId").asText();
            complete(http, "e1", instance, "task_technical_review");

            // Online backup, while the node serves: pg_dump reads one consistent snapshot.
            run(List.of("pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--dbname="
                    + libpqUrl(original)), original);
        }
        assertThat(Files.size(dump)).isPositive();

        EmbeddedPostgres.Database restored = EmbeddedPostgres.freshDatabase();
        run(List.of("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpqUrl(restored), dump.toString()),
                restored);

        try (AppNode node = AppNode.start("drill-after", environment(restored))) {
            Http http = new Http(node.port());
            JsonNode risks = basic(http, "p1").get("/api/systems/" + systemId + "/risks").json();
            assertThat(risks.toString()).contains(riskTitle);
            // The gate waits where it waited: the technical review is done, the security review is open.
            assertThat(taskKeys(http, instance)).containsExactly("task_security_review");
            complete(http, "s1", instance, "task_security_review");
            complete(http, "p2", instance, "task_accountable_approval");
            assertThat(basic(http, "p1").get("/api/systems/" + systemId + "/versions/1.0.0/deployment-decision")
                    .status()).isEqualTo(200);
        }
    }

    private static Map<String, String> environment(EmbeddedPostgres.Database database) {
        return new HashMap<>(Map.of(
                "SPRING_PROFILES_ACTIVE", "postgres",
                "AIMS_DB_URL", database.url(),
                "AIMS_DB_USER", database.username(),
                "AIMS_DB_PASSWORD", database.password(),
                "CAMUNDA_BPM_ADMINUSER_ID", ADMIN,
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", PASSWORD));
    }

    /** The libpq form of the JDBC URL ({@code postgresql://user@host:port/db}); the password goes by PGPASSWORD. */
    static String libpqUrl(EmbeddedPostgres.Database database) {
        URI uri = URI.create(database.url().substring("jdbc:".length()));
        return "postgresql://" + database.username() + "@" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
    }

    private static void run(List<String> command, EmbeddedPostgres.Database database)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", database.password() == null ? "" : database.password());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is needed for the restore drill: install the "
                    + "PostgreSQL client (Debian: postgresql-client); .ci/run does", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command.get(0) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    private static List<String> taskKeys(Http http, String instance) {
        List<String> keys = new ArrayList<>();
        basic(http, ADMIN).get("/engine-rest/task?processInstanceId=" + instance).json()
                .forEach(task -> keys.add(task.path("taskDefinitionKey").asText()));
        return keys;
    }

    private static void complete(Http http, String user, String instance, String key) {
        JsonNode tasks = basic(http, user).get("/engine-rest/task?processInstanceId=" + instance
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as(user + " sees " + key).hasSize(1);
        Http.Response done = basic(http, user).post("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", Map.of("variables", Map.of("decision", Map.of("value", "APPROVE"),
                "rationale", Map.of("value", "Reviewed across the restore drill"))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
    }

    private static void createUser(Http http, String userId, String group) {
        Http.Response created = basic(http, ADMIN).post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", userId, "firstName", userId, "lastName", "Drill", "email",
                        userId + "@it.example"),
                "credentials", Map.of("password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Http.Response member = basic(http, ADMIN).send("PUT", "/engine-rest/group/" + group + "/members/" + userId,
                null);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    private static Http.Caller basic(Http node, String user) {
        return node.with("Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static LifecycleWalk walk(Http node) {
        return new LifecycleWalk((user, method, path, body, expected) -> {
            Http.Response response = basic(node, user).send(method, path, body);
            assertThat(response.status()).as(method + " " + path + " " + response.body()).isEqualTo(expected);
            return response.json();
        }, new LifecycleWalk.Cast("p1", "p2", "e1", null, null, null));
    }
}
