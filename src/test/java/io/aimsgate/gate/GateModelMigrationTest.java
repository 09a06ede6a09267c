package io.aimsgate.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.support.EmbeddedPostgres;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V7_0 on a database that holds gates decided before it (migrated to V5, then filled as V1 to V5 stored them): every
 * deployment request becomes a DEPLOYMENT run with its status, every decision of both old tables moves into the one
 * decision table under its run, in the order decided, and the life-cycle runs keep their ids (the work tables point
 * at them), on H2 and on PostgreSQL.
 */
class GateModelMigrationTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyRunAndDecisionOfBothOldModelsMovesIntoTheOneModel(String database) {
        DriverManagerDataSource dataSource = freshDatabase(database);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "5");
        long system = insertSystem(jdbc, "Credit scoring");
        long approvedVersion = insertVersion(jdbc, system, "1.0.0", "APPROVED");
        long haltedVersion = insertVersion(jdbc, system, "1.1.0", "HALTED");
        long approved = insertRequest(jdbc, system, approvedVersion, "pi-dep-1", "APPROVED", "olivia", "bea",
                "Board accepts the residual risk.", 10);
        long halted = insertRequest(jdbc, system, haltedVersion, "pi-dep-2", "HALTED", "oscar", null, null, 40);
        insertDeploymentDecision(jdbc, approved, "t-d1", "task_technical_review", "deployment-technical-review",
                "RESPONSIBLE", "APPROVE", "Model card and tests are fine.", "tom", 11);
        insertDeploymentDecision(jdbc, approved, "t-d2", "task_accountable_approval", "deployment-approval",
                "ACCOUNTABLE", "APPROVE", "Owner accepts the release.", "oscar", 13);
        insertDeploymentDecision(jdbc, approved, "t-d3", "task_board_signoff", "deployment-high-risk-signoff",
                "ACCOUNTABLE", "APPROVE", "Board accepts the residual risk.", "bea", 14);
        long inception = insertLifecycleGate(jdbc, system, "INCEPTION", "pi-inc-1", "PASSED", "olivia", 1);
        long design = insertLifecycleGate(jdbc, system, "DESIGN_AND_DEVELOPMENT", "pi-dd-1", "IN_PROGRESS", "mia", 5);
        insertLifecycleDecision(jdbc, inception, "t-l1", "task_impact_assessment", "inception-impact-assessment",
                "RESPONSIBLE", "SUBMIT", null, "rita", 2);
        insertLifecycleDecision(jdbc, inception, "t-l2", "task_accountable_approval", "inception-approval",
                "ACCOUNTABLE", "APPROVE", "Inception approved by the owner.", "oscar", 12);
        insertLifecycleDecision(jdbc, design, "t-l3", "task_privacy_review", "design-privacy-review", "CONSULTED",
                "REJECT", "No DPIA for the new data source.", "lena", 41);

        migrate(dataSource, "latest");

        // the life-cycle runs keep their ids; each deployment request has a DEPLOYMENT run of its own
        assertThat(jdbc.queryForList("SELECT id, kind, status FROM gate_run WHERE kind <> 'DEPLOYMENT' ORDER BY id"))
                .extracting(row -> List.of(((Number) row.get("id")).longValue(), row.get("kind"), row.get("status")))
                .containsExactly(List.of(inception, "INCEPTION", "PASSED"),
                        List.of(design, "DESIGN_AND_DEVELOPMENT", "IN_PROGRESS"));
        Map<String, Object> approvedRun = runOfRequest(jdbc, approved);
        assertThat(approvedRun).containsEntry("kind", "DEPLOYMENT").containsEntry("status", "PASSED")
                .containsEntry("process_instance_id", "pi-dep-1").containsEntry("started_by", "olivia")
                .containsEntry("decided_by", "bea").containsEntry("outcome", "Board accepts the residual risk.");
        assertThat(((Number) approvedRun.get("system_id")).longValue()).isEqualTo(system);
        Map<String, Object> haltedRun = runOfRequest(jdbc, halted);
        assertThat(haltedRun).containsEntry("kind", "DEPLOYMENT").containsEntry("status", "IN_PROGRESS")
                .containsEntry("started_by", "oscar").containsEntry("decided_by", null);

        // every decision moved, under its run, in the order decided
        long approvedRunId = ((Number) approvedRun.get("id")).longValue();
        assertThat(jdbc.queryForList("SELECT run_id, task_id, raci_activity, raci_role, decision, rationale, "
                + "decided_by FROM gate_decision ORDER BY id")).extracting(row -> List.of(
                        ((Number) row.get("run_id")).longValue(), row.get("task_id"), row.get("raci_activity"),
                        row.get("raci_role"), row.get("decision"), String.valueOf(row.get("rationale")),
                        row.get("decided_by")))
                .containsExactly(
                        List.of(inception, "t-l1", "inception-impact-assessment", "RESPONSIBLE", "SUBMIT", "null",
                                "rita"),
                        List.of(approvedRunId, "t-d1", "deployment-technical-review", "RESPONSIBLE", "APPROVE",
                                "Model card and tests are fine.", "tom"),
                        List.of(inception, "t-l2", "inception-approval", "ACCOUNTABLE", "APPROVE",
                                "Inception approved by the owner.", "oscar"),
                        List.of(approvedRunId, "t-d2", "deployment-approval", "ACCOUNTABLE", "APPROVE",
                                "Owner accepts the release.", "oscar"),
                        List.of(approvedRunId, "t-d3", "deployment-high-risk-signoff", "ACCOUNTABLE", "APPROVE",
                                "Board accepts the residual risk.", "bea"),
                        List.of(design, "t-l3", "design-privacy-review", "CONSULTED", "REJECT",
                                "No DPIA for the new data source.", "lena"));
        assertThat(jdbc.queryForObject("SELECT decided_at FROM gate_decision WHERE task_id = 't-d3'",
                Timestamp.class).toInstant()).isEqualTo(T0.plusSeconds(14 * 60));
        assertThat(tables(jdbc)).doesNotContain("lifecycle_decision", "lifecycle_gate");

        // a task still decides once, across every kind of gate
        assertThatThrownBy(() -> jdbc.update("INSERT INTO gate_decision (run_id, task_id, task_key, raci_activity, "
                + "raci_role, decision, decided_by, decided_at) VALUES (?, 't-l1', 'k', 'a', 'CONSULTED', 'APPROVE', "
                + "'eve', CURRENT_TIMESTAMP)", approvedRunId)).isInstanceOf(DataIntegrityViolationException.class);
        // a new decision gets an id after the moved ones
        jdbc.update("INSERT INTO gate_decision (run_id, task_id, task_key, raci_activity, raci_role, decision, "
                + "decided_by, decided_at) VALUES (?, 't-new', 'k', 'a', 'CONSULTED', 'APPROVE', 'eve', "
                + "CURRENT_TIMESTAMP)", design);
        assertThat(jdbc.queryForObject("SELECT MAX(id) FROM gate_decision", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT id FROM gate_decision WHERE task_id = 't-new'", Long.class));
    }

    private static Map<String, Object> runOfRequest(JdbcTemplate jdbc, long requestId) {
        return jdbc.queryForMap("SELECT r.* FROM gate_run r JOIN deployment_request d ON d.gate_run_id = r.id "
                + "WHERE d.id = ?", requestId);
    }

    private static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT LOWER(table_name) FROM information_schema.tables", String.class);
    }

    private static DriverManagerDataSource freshDatabase(String database) {
        if (database.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:gate-model-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        EmbeddedPostgres.Database fresh = EmbeddedPostgres.freshDatabase();
        return new DriverManagerDataSource(fresh.url(), fresh.username(), fresh.password());
    }

    /** Our migrations as the application runs them (spring.flyway.* in application.yml). */
    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("aims_schema_history")
                .target(target).load().migrate();
    }

    private static Timestamp at(int minutes) {
        return Timestamp.from(T0.plusSeconds(minutes * 60L));
    }

    private static long insertSystem(JdbcTemplate jdbc, String name) {
        jdbc.update("INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type, "
                + "eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by, created_at, "
                + "updated_at, row_version) VALUES (?, 'Migration test', 'PREDICTIVE', 'olivia', 'Testing', "
                + "'IN_HOUSE', 'HIGH', 'none', FALSE, 'DEPLOYMENT', 'olivia', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0)", name);
        return jdbc.queryForObject("SELECT id FROM ai_system WHERE name = ?", Long.class, name);
    }

    private static long insertVersion(JdbcTemplate jdbc, long system, String label, String status) {
        jdbc.update("INSERT INTO model_version (system_id, version_label, artifact_sha256, status, created_by, "
                + "created_at, updated_at, status_changed_at, row_version) VALUES (?, ?, ?, ?, 'olivia', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", system, label, "a".repeat(64), status);
        return jdbc.queryForObject("SELECT id FROM model_version WHERE system_id = ? AND version_label = ?",
                Long.class, system, label);
    }

    private static long insertRequest(JdbcTemplate jdbc, long system, long version, String processInstance,
            String status, String submitter, String decidedBy, String rationale, int minutes) {
        jdbc.update("INSERT INTO deployment_request (system_id, version_id, process_instance_id, status, submitted_by, "
                + "submitted_at, submission_note, high_risk_tier, blocking_risk_count, halt_count, decided_by, decided_at, "
                + "decision_rationale, row_version) VALUES (?, ?, ?, ?, ?, ?, 'Ready', TRUE, 0, 0, ?, ?, ?, 0)",
                system, version, processInstance, status, submitter, at(minutes), decidedBy,
                decidedBy == null ? null : at(minutes + 5), rationale);
        return jdbc.queryForObject("SELECT id FROM deployment_request WHERE process_instance_id = ?", Long.class,
                processInstance);
    }

    private static void insertDeploymentDecision(JdbcTemplate jdbc, long request, String taskId, String taskKey,
            String activity, String role, String decision, String rationale, String by, int minutes) {
        jdbc.update("INSERT INTO gate_decision (request_id, task_id, task_key, raci_activity, raci_role, decision, "
                + "rationale, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", request, taskId, taskKey,
                activity, role, decision, rationale, by, at(minutes));
    }

    private static long insertLifecycleGate(JdbcTemplate jdbc, long system, String gate, String processInstance,
            String status, String startedBy, int minutes) {
        jdbc.update("INSERT INTO lifecycle_gate (system_id, gate, process_instance_id, status, started_by, started_at, "
                + "row_version) VALUES (?, ?, ?, ?, ?, ?, 0)", system, gate, processInstance, status, startedBy,
                at(minutes));
        return jdbc.queryForObject("SELECT id FROM lifecycle_gate WHERE process_instance_id = ?", Long.class,
                processInstance);
    }

    private static void insertLifecycleDecision(JdbcTemplate jdbc, long gate, String taskId, String taskKey,
            String activity, String role, String decision, String rationale, String by, int minutes) {
        jdbc.update("INSERT INTO lifecycle_decision (gate_id, task_id, task_key, activity, raci_role, decision, "
                + "rationale, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", gate, taskId, taskKey,
                activity, role, decision, rationale, by, at(minutes));
    }
}
