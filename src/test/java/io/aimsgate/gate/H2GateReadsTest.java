package io.aimsgate.gate;

import io.aimsgate.support.LoggedStatements;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.AsDemoUsers;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.SystemFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What one deployment gate reads of our tables, call by call over HTTP (counted from the SQL logs of Hibernate and
 * {@code JdbcTemplate}): each call's transaction reads the open run, the run's decisions and the version's evidence
 * files at most once however many listeners and delegates ask ({@link GateDecisions},
 * {@link io.aimsgate.evidence.RequiredEvidence}), and the approval reads its bound approval back from the transaction
 * rather than from the table ({@link DeploymentApprovals#again}).
 */
@H2DemoApp
class H2GateReadsTest extends AsDemoUsers {

    @RegisterExtension
    final LoggedStatements sql = new LoggedStatements("org.hibernate.SQL",
            "org.springframework.jdbc.core.JdbcTemplate");

    /** Reads of the open run, the run's decisions, the version's current files and the version's approvals. */
    record Reads(long openRun, long decisions, long files, long approvals) {
    }

    @Test
    void eachCallReadsTheOpenRunItsDecisionsAndTheVersionsFilesAtMostOnce() {
        long system = SystemFixtures.registerSystem(olivia, "Reads " + UUID.randomUUID(), "TRANSPARENCY");
        LifecycleWalk.over(api).passGatesBeforeDeployment(system, "TRANSPARENCY", "0.0.1-validated");
        EvidenceFixtures.versionWithModelCard(mia, system, "1.0.0", "cd".repeat(32));

        Map<String, Reads> reads = new LinkedHashMap<>();
        take();
        JsonNode request = olivia.post("/api/systems/" + system + "/versions/1.0.0/deployment-requests",
                Map.of("note", "Release for the reads scenario")).expect(201).json();
        reads.put("submit", take());
        String processInstanceId = request.get("processInstanceId").asText();
        for (Object[] step : List.of(new Object[] {mia, "mia", "task_technical_review"},
                new Object[] {sam, "sam", "task_security_review"},
                new Object[] {oscar, "oscar", "task_accountable_approval"})) {
            Caller reviewer = (Caller) step[0];
            JsonNode tasks = reviewer.get("/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&taskDefinitionKey=" + step[2]).expect(200).json();
            String taskId = tasks.get(0).get("id").asText();
            take();
            reviewer.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", step[1])).expect(204);
            reads.put("claim " + step[2], take());
            reviewer.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                    LifecycleWalk.engineVariables(LifecycleWalk.decision("APPROVE")))).expect(204);
            reads.put("complete " + step[2], take());
        }
        assertThat(jdbc.queryForObject("SELECT status FROM deployment_request WHERE id = ?", String.class,
                request.get("id").asLong())).isEqualTo("APPROVED");

        Map<String, Reads> expected = new LinkedHashMap<>();
        // the submission: whether the instance has a run open (none), then the new run is kept with no decisions;
        // the two review tasks' forms show the version's files, read once
        expected.put("submit", new Reads(1, 0, 1, 0));
        // a claim: the decision listener's check and the form's evidence share the run; the files for the form
        for (String task : List.of("task_technical_review", "task_security_review", "task_accountable_approval")) {
            expected.put("claim " + task, new Reads(1, 1, 1, 0));
        }
        // a completion: the guard, the decision listener and the control variables share the run and its decisions
        expected.put("complete task_technical_review", new Reads(1, 1, 0, 0));
        // ...and the accountable approval's task is created, its form showing the files
        expected.put("complete task_security_review", new Reads(1, 1, 1, 0));
        // the approval: the files are read once for the evidence check and the bound state; the approval table for
        // superseding an older approval and for the attestations, whose signatures take it from the transaction; the
        // run closed, the process's end asks the table again whether a run is still open (GovernedProcessGuard)
        expected.put("complete task_accountable_approval", new Reads(2, 1, 1, 2));
        assertThat(reads).isEqualTo(expected);
    }

    private Reads take() {
        List<String> statements = sql.take().stream().map(message -> message.replaceAll("\\s+", " ").strip()).toList();
        return new Reads(count(statements, "from gate_run ", "process_instance_id=?"),
                count(statements, "from gate_decision ", "run_id=?"),
                count(statements, "from evidence_revision r join evidence_file f", "f.subject_type = ?"),
                count(statements, "from deployment_approval ", ""));
    }

    private static long count(List<String> statements, String from, String where) {
        return statements.stream().map(statement -> statement.toLowerCase(Locale.ROOT))
                .filter(statement -> statement.startsWith("select") || statement.startsWith("executing prepared sql"))
                .filter(statement -> statement.contains(from) && statement.contains(where.toLowerCase(Locale.ROOT)))
                .count();
    }
}
