package io.aimsgate.bench;

import io.aimsgate.risk.RiskCellTally;
import java.io.StringReader;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.postgresql.PGConnection;

/**
 * The risk-assessment delegate ({@code assessDeployment}, as the engine calls it, inside a transaction that
 * commits the request's assessment) for one system whose register holds 10, 1,000 or 100,000 risks; then again
 * with the organisation's register grown to 1,000,000 risks over many systems. Two registers per size: "clear"
 * (nothing unresolved is HIGH or CRITICAL, so the gate passes) and "mixed" (about 10% block, so the gate halts and
 * names the worst 50). Rows are loaded with COPY, bypassing RiskService, so the cell tally is then rebuilt from the
 * register as the migration V5 backfills it; the table is vacuumed and analysed as autovacuum would.
 */
final class RiskRegisterGrowth {

    private static final String[] STAGES = {"INCEPTION", "DESIGN_AND_DEVELOPMENT", "VERIFICATION_AND_VALIDATION",
        "DEPLOYMENT", "OPERATION_AND_MONITORING"};
    private static final String[] STRIDE = {"SPOOFING", "TAMPERING", "REPUDIATION", "INFORMATION_DISCLOSURE",
        "DENIAL_OF_SERVICE", "ELEVATION_OF_PRIVILEGE"};

    private final BenchApp app;
    private final Settings settings;
    private final Report report;
    private final SplittableRandom random = new SplittableRandom(42);
    private long riskCount;

    RiskRegisterGrowth(BenchApp app, Settings settings, Report report) {
        this.app = app;
        this.settings = settings;
        this.report = report;
    }

    record Sized(String variant, int size, long systemId, String processInstanceId) {
    }

    void run() throws Exception {
        List<Sized> systems = new ArrayList<>();
        long load = System.nanoTime();
        for (int size : settings.riskSizes()) {
            for (String variant : List.of("clear", "mixed")) {
                long id = createSystem("Risk bench " + variant + " " + size);
                String pid = "bench-risk-" + id;
                createRequest(id, pid);
                copyRisks(id, size, variant.equals("clear"));
                systems.add(new Sized(variant, size, id, pid));
            }
        }
        rebuildTally();
        report.note(String.format("Risk registers: %d risks loaded with COPY, tallied and vacuumed in %.1f s", riskCount,
                (System.nanoTime() - load) / 1e9));
        measure(systems, "org " + riskCount);
        long filler = settings.riskOrgTotal() - riskCount;
        if (filler > 0) {
            load = System.nanoTime();
            int perSystem = 5_000;
            for (long done = 0; done < filler; done += perSystem) {
                long id = createSystem("Risk filler " + done);
                copyRisks(id, (int) Math.min(perSystem, filler - done), false);
            }
            rebuildTally();
            report.note(String.format("Organisation register grown to %d risks (%d filler systems of up to %d) in "
                    + "%.1f s", riskCount, (filler + perSystem - 1) / perSystem, perSystem, (System.nanoTime() - load) / 1e9));
            measure(systems, "org " + riskCount);
        }
    }

    /** The tally as the migration V5 backfills it, then the statistics autovacuum would gather. */
    private void rebuildTally() {
        app.context.getBean(RiskCellTally.class).rebuild();
        app.execute("VACUUM ANALYZE risk");
        app.execute("VACUUM ANALYZE risk_cell_tally");
    }

    /**
     * Diagnostics: the plans of the assessment's queries, as Hibernate renders them, for the largest registers: the
     * system's tally, and for a mixed register the ids of the worst 50 blocking risks (in the HIGH and CRITICAL cells
     * of the default matrix), then what is named of them.
     */
    private void explain(List<Sized> systems) throws SQLException {
        for (Sized sized : systems) {
            if (sized.size() < 100_000) {
                continue;
            }
            List<String> queries = new ArrayList<>();
            queries.add("SELECT current_likelihood, current_impact, blocking_if_severe FROM risk_cell_tally WHERE "
                    + "system_id = " + sized.systemId());
            if (sized.variant().equals("mixed")) {
                String worst = "SELECT id FROM risk WHERE system_id = " + sized.systemId() + " AND blocks_if_severe = "
                        + "true AND ((current_likelihood * 10) + current_impact) IN (25, 34, 35, 43, 44, 45, 52, 53, 54, "
                        + "55) ORDER BY current_score DESC, id OFFSET 0 ROWS FETCH FIRST 50 ROWS ONLY";
                List<String> ids = new ArrayList<>();
                try (Connection connection = app.dataSource.getConnection();
                        var statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery(worst)) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                queries.add(worst);
                queries.add("SELECT id, title, status, current_likelihood, current_impact FROM risk WHERE id IN ("
                        + String.join(", ", ids) + ")");
            }
            for (String sql : queries) {
                try (Connection connection = app.dataSource.getConnection();
                        var statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
                    System.out.println("[bench] SQL (" + sized.variant() + " " + sized.size() + "): " + sql);
                    while (rs.next()) {
                        System.out.println("[bench] plan: " + rs.getString(1));
                    }
                } catch (SQLException e) {
                    System.out.println("[bench] EXPLAIN failed: " + e.getMessage());
                }
            }
        }
    }

    private void measure(List<Sized> systems, String org) throws SQLException {
        if (SqlCapture.enabled()) {
            explain(systems);
        }
        JavaDelegate delegate = app.context.getBean("assessDeployment", JavaDelegate.class);
        var transactions = app.transactions();
        for (Sized sized : systems) {
            Map<String, Object> variables = new HashMap<>();
            DelegateExecution execution = execution(sized.processInstanceId(), variables);
            for (int i = 0; i < Math.max(10, settings.riskSamples() / 10); i++) {
                transactions.executeWithoutResult(status -> run(delegate, execution));
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < settings.riskSamples(); i++) {
                long t = System.nanoTime();
                transactions.executeWithoutResult(status -> run(delegate, execution));
                latencies.add(System.nanoTime() - t);
            }
            report.row("Risk assessment", String.format("%,d risks, %s (%s blocking; %s): p50 / p95 ms", sized.size(),
                    sized.variant(), variables.getOrDefault("blockingRiskCount", 0L), org), latencies.summary5095(),
                    sized.size() >= 100_000 ? "p95 < 10" : "");
        }
    }

    private static void run(JavaDelegate delegate, DelegateExecution execution) {
        try {
            delegate.execute(execution);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Just what the delegate touches: the process instance id and variables. */
    private static DelegateExecution execution(String processInstanceId, Map<String, Object> variables) {
        return (DelegateExecution) Proxy.newProxyInstance(RiskRegisterGrowth.class.getClassLoader(),
                new Class<?>[] {DelegateExecution.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProcessInstanceId", "getId" -> processInstanceId;
                    case "setVariable" -> variables.put((String) args[0], args[1]);
                    case "getVariable" -> variables.get((String) args[0]);
                    case "toString" -> "bench execution " + processInstanceId;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private long createSystem(String name) throws SQLException {
        try (Connection connection = app.dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type, "
                        + "eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by, "
                        + "created_at, updated_at, row_version) VALUES (?, 'Benchmark register', 'PREDICTIVE', 'olivia', "
                        + "'Benchmark', 'IN_HOUSE', 'TRANSPARENCY', 'none', false, 'VERIFICATION_AND_VALIDATION', "
                        + "'olivia', now(), now(), 0) RETURNING id")) {
            insert.setString(1, name);
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void createRequest(long systemId, String processInstanceId) throws SQLException {
        try (Connection connection = app.dataSource.getConnection()) {
            long versionId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO model_version (system_id, "
                    + "version_label, artifact_sha256, status, created_by, created_at, updated_at, status_changed_at, "
                    + "row_version) VALUES (?, '1.0.0', ?, 'IN_REVIEW', 'mia', now(), now(), now(), 0) RETURNING id")) {
                insert.setLong(1, systemId);
                insert.setString(2, "cd".repeat(32));
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    versionId = rs.getLong(1);
                }
            }
            long runId;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO gate_run (system_id, kind, "
                    + "process_instance_id, status, started_by, started_at, row_version) VALUES (?, 'DEPLOYMENT', ?, "
                    + "'IN_PROGRESS', 'olivia', now(), 0) RETURNING id")) {
                insert.setLong(1, systemId);
                insert.setString(2, processInstanceId);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO deployment_request (system_id, "
                    + "version_id, process_instance_id, gate_run_id, status, submitted_by, submitted_at, high_risk_tier, "
                    + "blocking_risk_count, halt_count, row_version) VALUES (?, ?, ?, ?, 'IN_REVIEW', 'olivia', now(), "
                    + "false, 0, 0, 0)")) {
                insert.setLong(1, systemId);
                insert.setLong(2, versionId);
                insert.setString(3, processInstanceId);
                insert.setLong(4, runId);
                insert.executeUpdate();
            }
        }
    }

    static String severity(int score) {
        return score >= 20 ? "CRITICAL" : score >= 10 ? "HIGH" : score >= 5 ? "MEDIUM" : "LOW";
    }

    /** COPY of {@code count} risks: OPEN 15%, IN_TREATMENT 10%, MITIGATED 25%, ACCEPTED 10%, CLOSED 40%. */
    private void copyRisks(long systemId, int count, boolean clear) throws Exception {
        int chunk = 50_000;
        for (int from = 0; from < count; from += chunk) {
            StringBuilder csv = new StringBuilder();
            for (int i = from; i < Math.min(count, from + chunk); i++) {
                int roll = random.nextInt(100);
                String status = roll < 15 ? "OPEN" : roll < 25 ? "IN_TREATMENT" : roll < 50 ? "MITIGATED"
                        : roll < 60 ? "ACCEPTED" : "CLOSED";
                int likelihood = 1 + random.nextInt(5);
                int impact = 1 + random.nextInt(5);
                boolean unresolved = status.equals("OPEN") || status.equals("IN_TREATMENT");
                while (clear && unresolved && likelihood * impact >= 10) {
                    likelihood = 1 + random.nextInt(5);
                    impact = 1 + random.nextInt(5);
                }
                int score = likelihood * impact;
                String treatment = status.equals("OPEN") ? "" : status.equals("ACCEPTED") ? "ACCEPT" : "MITIGATE";
                String residualL = "";
                String residualI = "";
                String residualS = "";
                int currentL = likelihood;
                int currentI = impact;
                if (status.equals("MITIGATED") || status.equals("CLOSED")) {
                    currentL = 1 + random.nextInt(2);
                    currentI = 1 + random.nextInt(2);
                    residualL = Integer.toString(currentL);
                    residualI = Integer.toString(currentI);
                    residualS = severity(currentL * currentI);
                }
                boolean board = status.equals("ACCEPTED") && score >= 10;
                boolean blocksIfSevere = status.equals("OPEN") || status.equals("IN_TREATMENT")
                        || (status.equals("ACCEPTED") && !board);
                String acceptedBy = status.equals("ACCEPTED") ? (board ? "grace" : "olivia") : "";
                String acceptedRole = status.equals("ACCEPTED") ? (board ? "governance-board" : "ai-product-owners") : "";
                String acceptedAt = status.equals("ACCEPTED") ? "2026-01-01 00:00:00+00" : "";
                csv.append(systemId).append(',').append(STAGES[i % STAGES.length]).append(',')
                        .append(STRIDE[i % STRIDE.length]).append(",Benchmark risk ").append(i).append(',')
                        .append(likelihood).append(',').append(impact).append(',').append(score).append(',')
                        .append(severity(score)).append(',').append(treatment).append(',').append(status).append(',')
                        .append(residualL).append(',').append(residualI).append(',').append(residualS).append(',')
                        .append(currentL).append(',').append(currentI).append(',').append(currentL * currentI)
                        .append(',').append(severity(currentL * currentI)).append(',').append(blocksIfSevere)
                        .append(',').append(acceptedBy).append(',').append(acceptedRole).append(',').append(board)
                        .append(',').append(acceptedAt).append(",sam,2026-01-01 00:00:00+00,2026-01-01 00:00:00+00,0\n");
            }
            try (Connection connection = app.dataSource.getConnection()) {
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY risk (system_id, lifecycle_stage, "
                        + "stride_category, title, likelihood, impact, inherent_score, inherent_severity, treatment, "
                        + "status, residual_likelihood, residual_impact, residual_severity, current_likelihood, "
                        + "current_impact, current_score, current_severity, blocks_if_severe, accepted_by, accepted_role, "
                        + "accepted_by_board, accepted_at, "
                        + "created_by, created_at, updated_at, row_version) FROM STDIN (FORMAT csv)",
                        new StringReader(csv.toString()));
            }
            riskCount += Math.min(count, from + chunk) - from;
        }
    }
}
