package io.aimsgate.bench;

import io.aimsgate.raci.RaciGroups;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The governance KPIs and the board report on a year of history: completed user tasks of the platform's gates spread
 * over 365 days, written in SQL straight into the engine's history tables (the rows a completed, claimed task leaves
 * there at history level full: task instance, candidate-group and assignee links, Claim and Complete entries in the
 * user operation log, the activity instance) plus the SLA timers that fired and the escalation tasks they started,
 * and decided life-cycle gates of generated AI systems in our own tables. Then {@code GET /api/reports/kpis} and
 * {@code GET /api/reports/board} for that year, as grace (governance board) over HTTP, after a warm-up.
 */
final class KpiHistory {

    /** process key, task key, candidate group: the gates' user tasks and their RACI groups. */
    private static final String[][] TASKS = {
            {"deployment-approval", "task_technical_review", RaciGroups.ML_ENGINEERS},
            {"deployment-approval", "task_security_review", RaciGroups.SECURITY},
            {"deployment-approval", "task_legal_privacy_review", RaciGroups.LEGAL},
            {"deployment-approval", "task_ethics_review", RaciGroups.ETHICS},
            {"deployment-approval", "task_accountable_approval", RaciGroups.AI_PRODUCT_OWNERS},
            {"deployment-approval", "task_board_signoff", RaciGroups.GOVERNANCE_BOARD},
            {"inception", "task_impact_assessment", RaciGroups.AI_PRODUCT_OWNERS},
            {"inception", "task_ethics_review", RaciGroups.ETHICS},
            {"inception", "task_legal_review", RaciGroups.LEGAL},
            {"inception", "task_board_signoff", RaciGroups.GOVERNANCE_BOARD},
            {"design-development", "task_complete_dataset_register", RaciGroups.ML_ENGINEERS},
            {"design-development", "task_privacy_review", RaciGroups.PRIVACY},
            {"verification-validation", "task_accountable_approval", RaciGroups.AI_PRODUCT_OWNERS},
            {"incident-escalation", "task_contain_incident", RaciGroups.ML_ENGINEERS},
            {"incident-escalation", "task_notify_regulator", RaciGroups.LEGAL},
            {"incident-escalation", "task_decide_resumption", RaciGroups.GOVERNANCE_BOARD}};

    private final BenchApp app;
    private final Settings settings;
    private final Report report;

    KpiHistory(BenchApp app, Settings settings, Report report) {
        this.app = app;
        this.settings = settings;
        this.report = report;
    }

    void run() {
        int n = settings.kpiTasks();
        long started = System.nanoTime();
        generate(n);
        app.execute("VACUUM ANALYZE");
        double seconds = (System.nanoTime() - started) / 1e9;
        report.note(String.format("KPIs: a year of history generated in SQL in %.0f s: %,d completed tasks "
                + "(ACT_HI_TASKINST), %,d identity links, %,d operation log entries (%,d claims), %,d activity "
                + "instances (%,d SLA timers fired, %,d escalation tasks), %,d AI systems, %,d decided life-cycle gates",
                seconds, app.queryLong("SELECT count(*) FROM act_hi_taskinst"),
                app.queryLong("SELECT count(*) FROM act_hi_identitylink"),
                app.queryLong("SELECT count(*) FROM act_hi_op_log"),
                app.queryLong("SELECT count(*) FROM act_hi_op_log WHERE operation_type_ = 'Claim'"),
                app.queryLong("SELECT count(*) FROM act_hi_actinst"),
                app.queryLong("SELECT count(*) FROM act_hi_actinst WHERE act_type_ = 'boundaryTimer'"),
                app.queryLong("SELECT count(*) FROM act_hi_actinst WHERE act_id_ LIKE 'task_escalate%'"),
                app.queryLong("SELECT count(*) FROM ai_system"),
                app.queryLong("SELECT count(*) FROM gate_run WHERE kind <> 'DEPLOYMENT' AND decided_at IS NOT NULL")));

        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        String period = "from=" + to.minusYears(1).plusDays(1) + "&to=" + to;
        HttpCaller grace = new HttpCaller(app.port, "grace", "demo");
        var kpis = grace.get("/api/reports/kpis?" + period).expect(200, "KPIs").json();
        long completed = 0;
        for (var row : kpis.at("/governanceFlow/tasks")) {
            completed += row.get("completed").asLong();
        }
        long breaches = 0;
        for (var row : kpis.at("/governanceFlow/slaBreaches")) {
            breaches += row.get("fired").asLong();
        }
        if (completed == 0) {
            throw new IllegalStateException("the KPIs count no completed task in the generated year: " + kpis);
        }
        int samples = settings.kpiSamples();
        int warmup = 5;
        Latencies json = new Latencies();
        Latencies pdf = new Latencies();
        int pdfBytes = 0;
        for (int i = 0; i < warmup + samples; i++) {
            long t = System.nanoTime();
            grace.get("/api/reports/kpis?" + period).expect(200, "KPIs");
            long t2 = System.nanoTime();
            pdfBytes = grace.get("/api/reports/board?" + period).expect(200, "board report").body().length();
            long t3 = System.nanoTime();
            if (i >= warmup) {
                json.add(t2 - t);
                pdf.add(t3 - t2);
            }
        }
        report.row("KPIs", String.format("GET /api/reports/kpis, one year (%,d completed tasks in %d process/group "
                + "rows, %,d SLA breaches, %,d escalations), as grace, %d samples: p50 / p95 ms", completed,
                kpis.at("/governanceFlow/tasks").size(), breaches, kpis.at("/governanceFlow/escalations").asLong(),
                samples), json.summary5095(), "");
        report.row("KPIs", String.format("GET /api/reports/board (PDF, about %,d KB), same year, %d samples: "
                + "p50 / p95 ms", pdfBytes / 1024, samples), pdf.summary5095(), "");
        report.history().figure("kpi_p95_ms", json.percentileMs(95));
    }

    private void generate(int n) {
        StringBuilder process = new StringBuilder("ARRAY[");
        StringBuilder task = new StringBuilder("ARRAY[");
        StringBuilder group = new StringBuilder("ARRAY[");
        for (int i = 0; i < TASKS.length; i++) {
            String sep = i == 0 ? "" : ", ";
            process.append(sep).append('\'').append(TASKS[i][0]).append('\'');
            task.append(sep).append('\'').append(TASKS[i][1]).append('\'');
            group.append(sep).append('\'').append(TASKS[i][2]).append('\'');
        }
        String k = String.valueOf(TASKS.length);
        // A plain table, not a temporary one: every statement may take another pooled connection.
        // One row per task: created evenly over the year before now, claimed 5 min to ~20 h after creation (every
        // fifth task never claimed: completed by an assignee set directly), completed 1 to 96 hours after creation.
        app.execute("""
                CREATE TABLE bench_kpi_gen AS
                SELECT g AS i, 'kpi-' || g AS id, 'kpi-pi-' || (g / 4) AS pi,
                       (%s)[1 + g %% %s] AS process, (%s)[1 + g %% %s] AS task, (%s)[1 + g %% %s] AS grp,
                       (ARRAY['olivia','oscar','mia','sam','grace','ethan','lena','priya'])[1 + (g / 7) %% 8] AS who,
                       LOCALTIMESTAMP - INTERVAL '365 days' + (g * INTERVAL '365 days' / %d) AS created,
                       (5 + (g * 7919) %% 1200) * INTERVAL '1 minute' AS to_claim,
                       (1 + (g * 104729) %% 96) * INTERVAL '1 hour' AS to_complete
                FROM generate_series(1::bigint, %d) AS g""".formatted(process + "]", k, task + "]", k, group + "]", k, n, n));
        app.execute("""
                UPDATE bench_kpi_gen SET to_claim = to_complete / 2 WHERE to_claim >= to_complete""");
        app.execute("""
                INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_,
                       proc_inst_id_, execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_,
                       delete_reason_, priority_)
                SELECT id, task, process, process || ':1:bench', pi, pi, pi, 'ai-' || id, task, who, created,
                       created + to_complete, EXTRACT(EPOCH FROM to_complete)::bigint * 1000, 'completed', 50
                FROM bench_kpi_gen""");
        app.execute("""
                INSERT INTO act_hi_identitylink (id_, timestamp_, type_, user_id_, group_id_, task_id_, proc_def_id_,
                       operation_type_, proc_def_key_, root_proc_inst_id_)
                SELECT 'il-c-' || id, created, 'candidate', NULL, grp, id, process || ':1:bench', 'add', process, pi
                FROM bench_kpi_gen
                UNION ALL
                SELECT 'il-a-' || id, created + to_claim, 'assignee', who, NULL, id, process || ':1:bench', 'add',
                       process, pi
                FROM bench_kpi_gen""");
        app.execute("""
                INSERT INTO act_hi_op_log (id_, proc_def_id_, proc_def_key_, root_proc_inst_id_, proc_inst_id_,
                       execution_id_, task_id_, user_id_, timestamp_, operation_type_, operation_id_, entity_type_,
                       property_, new_value_, category_)
                SELECT 'op-cl-' || id, process || ':1:bench', process, pi, pi, pi, id, who, created + to_claim,
                       'Claim', 'opid-cl-' || id, 'Task', 'assignee', who, 'TaskWorker'
                FROM bench_kpi_gen WHERE i % 5 <> 0
                UNION ALL
                SELECT 'op-co-' || id, process || ':1:bench', process, pi, pi, pi, id, who, created + to_complete,
                       'Complete', 'opid-co-' || id, 'Task', 'delete', 'true', 'TaskWorker'
                FROM bench_kpi_gen""");
        app.execute("""
                INSERT INTO act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                       execution_id_, act_id_, task_id_, act_name_, act_type_, assignee_, start_time_, end_time_,
                       duration_, act_inst_state_, sequence_counter_)
                SELECT 'ai-' || id, process, process || ':1:bench', pi, pi, pi, task, id, task, 'userTask', who,
                       created, created + to_complete, EXTRACT(EPOCH FROM to_complete)::bigint * 1000, 4, 1
                FROM bench_kpi_gen""");
        // Incident containment tasks over 48 h fired their SLA timer (and every other one of those escalated);
        // regulator notifications over 72 h passed the Art. 73 deadline timer and escalated.
        app.execute("""
                INSERT INTO act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                       execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,
                       act_inst_state_, sequence_counter_)
                SELECT 'tm-' || id, process, process || ':1:bench', pi, pi, pi,
                       CASE WHEN task = 'task_contain_incident' THEN 'timer_containment_sla'
                            ELSE 'timer_regulator_deadline' END, 'SLA', 'boundaryTimer',
                       created + CASE WHEN task = 'task_contain_incident' THEN INTERVAL '48 hours'
                                      ELSE INTERVAL '72 hours' END,
                       created + CASE WHEN task = 'task_contain_incident' THEN INTERVAL '48 hours'
                                      ELSE INTERVAL '72 hours' END, 0, 4, 2
                FROM bench_kpi_gen
                WHERE (task = 'task_contain_incident' AND to_complete > INTERVAL '48 hours')
                   OR (task = 'task_notify_regulator' AND to_complete > INTERVAL '72 hours')""");
        app.execute("""
                INSERT INTO act_hi_actinst (id_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
                       execution_id_, act_id_, act_name_, act_type_, start_time_, end_time_, duration_,
                       act_inst_state_, sequence_counter_)
                SELECT 'es-' || t.id_, t.proc_def_key_, t.proc_def_id_, t.proc_inst_id_, t.proc_inst_id_,
                       t.execution_id_, CASE WHEN t.act_id_ = 'timer_containment_sla' THEN 'task_escalate_containment'
                                             ELSE 'task_escalate_regulator_deadline' END,
                       'Escalation', 'userTask', t.start_time_, t.start_time_ + INTERVAL '2 hours', 7200000, 4, 3
                FROM act_hi_actinst t
                WHERE t.act_type_ = 'boundaryTimer' AND (t.act_id_ = 'timer_regulator_deadline'
                      OR substring(t.id_ from '[0-9]+$')::bigint % 2 = 0)""");
        // Our own tables: AI systems and their decided life-cycle gates (the approvals and rejections per month).
        app.execute("""
                INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type,
                       eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by,
                       created_at, updated_at, row_version)
                SELECT 'KPI bench system ' || g, 'Generated for the KPI benchmark', 'PREDICTIVE', 'olivia', 'Bench',
                       'IN_HOUSE', (ARRAY['UNACCEPTABLE','HIGH','TRANSPARENCY','MINIMAL'])[1 + g %% 4],
                       'none', false,
                       (ARRAY['INCEPTION','DESIGN_AND_DEVELOPMENT','VERIFICATION_AND_VALIDATION','DEPLOYMENT',
                              'OPERATION_AND_MONITORING'])[1 + g %% 5],
                       'olivia', now() - INTERVAL '400 days', now(), 0
                FROM generate_series(1, %d) AS g""".formatted(Math.max(10, n / 250)));
        app.execute("""
                INSERT INTO gate_run (system_id, kind, process_instance_id, status, started_by, started_at,
                       decided_by, decided_at, outcome, row_version)
                SELECT s.id, (ARRAY['INCEPTION','DESIGN_AND_DEVELOPMENT','VERIFICATION_AND_VALIDATION'])[1 + g %% 3],
                       'kpi-gate-' || s.id || '-' || g, CASE WHEN g %% 7 = 0 THEN 'REJECTED' ELSE 'PASSED' END,
                       'olivia', now() - (g * 73 %% 365) * INTERVAL '1 day' - INTERVAL '3 days', 'grace',
                       now() - (g * 73 %% 365) * INTERVAL '1 day', 'generated', 0
                FROM ai_system s CROSS JOIN generate_series(1, %d) AS g
                WHERE s.name LIKE 'KPI bench system %%'""".formatted(Math.max(1, n / 2500)));
        app.execute("DROP TABLE bench_kpi_gen");
    }
}
