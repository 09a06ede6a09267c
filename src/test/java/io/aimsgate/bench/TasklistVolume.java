package io.aimsgate.bench;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.TaskCountByGrantSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Tasklist at volume: open tasks of a one-user-task process spread round-robin over the nine RACI groups (started
 * through the Java API in batches, with candidate groups and the engine's default task authorisations exactly as
 * the gates create them), then the query Tasklist's shared filter "My group's tasks" runs for one user (sam,
 * security): the filter's query (candidate groups = the user's groups, assigned included) extended with Tasklist's
 * sort by creation date, first page of 15, and its count, with engine authorisation on for that user.
 */
final class TasklistVolume {

    static final String KEY = "bench-bulk-review";
    private final BenchApp app;
    private final Settings settings;
    private final Report report;

    /**
     * Copies the runtime rows of the API-started bulk instances {@code copies} times with new ids ({@code <id>:c<n>}):
     * exactly the rows a Tasklist query reads. History rows are not copied; no task query touches them.
     */
    private void cloneRuntimeRows(int copies) throws Exception {
        String definition = "(SELECT id_ FROM act_re_procdef WHERE key_ = '" + KEY + "')";
        String original = " AND id_ NOT LIKE '%:c%'";
        String templateTasks = "(SELECT id_ FROM act_ru_task WHERE proc_def_id_ IN " + definition + original + ")";
        // Parents before children (foreign keys): executions, tasks, then what hangs off them.
        clone("act_ru_execution", List.of("id_", "proc_inst_id_", "root_proc_inst_id_", "parent_id_"),
                "proc_def_id_ IN " + definition + original, copies);
        clone("act_ru_task", List.of("id_", "execution_id_", "proc_inst_id_"), "id_ IN " + templateTasks, copies);
        clone("act_ru_variable", List.of("id_", "execution_id_", "proc_inst_id_", "var_scope_"),
                "proc_inst_id_ IN (SELECT proc_inst_id_ FROM act_ru_task WHERE id_ IN " + templateTasks + ")", copies);
        clone("act_ru_identitylink", List.of("id_", "task_id_"), "task_id_ IN " + templateTasks, copies);
        clone("act_ru_authorization", List.of("id_", "resource_id_"), "resource_type_ = 7 AND resource_id_ IN "
                + templateTasks, copies);
    }

    private void clone(String table, List<String> idColumns, String templates, int copies) throws Exception {
        List<String> columns = new ArrayList<>();
        try (var connection = app.dataSource.getConnection(); var statement = connection.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
                        + "AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, table);
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        String select = columns.stream().map(c -> idColumns.contains(c) ? c + " || ':c' || g" : c)
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        app.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
                + table + " CROSS JOIN generate_series(1, " + copies + ") AS g WHERE " + templates);
    }

    /**
     * Diagnostics ({@code -Dbench.hold=<file>}): after the measurement, writes the database's JDBC URL and user to the
     * file and keeps the loaded database (and the application) until the file is deleted, so that variants of the
     * task query can be tried on it with {@code psql} (docs/benchmarks.md, "Tasklist count").
     */
    private void holdDatabase() throws Exception {
        String name = System.getProperty("bench.hold");
        if (name == null || name.isBlank()) {
            return;
        }
        Path hold = Path.of(name);
        Files.writeString(hold, app.dataSource.getJdbcUrl() + " " + app.dataSource.getUsername() + "\n");
        System.out.println("[bench] holding the Tasklist database until " + hold + " is deleted");
        while (Files.exists(hold)) {
            Thread.sleep(1000);
        }
    }

    TasklistVolume(BenchApp app, Settings settings, Report report) {
        this.app = app;
        this.settings = settings;
        this.report = report;
    }

    void run() throws Exception {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("Benchmark bulk review")
                .camundaHistoryTimeToLive(730).startEvent().userTask("task_bulk_review").name("Bulk review")
                .camundaCandidateGroups("${group}").endEvent().done();
        app.bean(RepositoryService.class).createDeployment().name("benchmark bulk tasks")
                .addModelInstance(KEY + ".bpmn", model).deploy();
        RuntimeService runtime = app.bean(RuntimeService.class);
        var transactions = app.transactions();
        int total = settings.tasks();
        int viaApi = Math.min(total, settings.tasksViaApi());
        int batch = 200;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int from = 0; from < viaApi; from += batch) {
            int first = from;
            futures.add(pool.submit(() -> transactions.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(viaApi, first + batch); i++) {
                    runtime.startProcessInstanceByKey(KEY, Variables.createVariables()
                            .putValue("group", RaciGroups.ALL.get(i % RaciGroups.ALL.size())));
                }
            })));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        int copies = (total - viaApi + viaApi - 1) / viaApi;
        if (copies > 0) {
            cloneRuntimeRows(copies);
        }
        app.execute("VACUUM ANALYZE");
        double seconds = (System.nanoTime() - start) / 1e9;
        long open = app.queryLong("SELECT count(*) FROM act_ru_task");
        report.note(String.format("Tasklist: %d bulk tasks started through the Java API in %.0f s (%.0f/s), "
                + "then their runtime rows (process instance, task, candidate-group link, task authorisation, "
                + "variable) copied %d times in SQL; %.0f s in all. %d open tasks in total, %d task authorisations",
                viaApi, apiSeconds, viaApi / apiSeconds, copies, seconds, open,
                app.queryLong("SELECT count(*) FROM act_ru_authorization WHERE resource_type_ = 7")));

        FilterService filters = app.bean(FilterService.class);
        TaskService tasks = app.bean(TaskService.class);
        IdentityService identity = app.bean(IdentityService.class);
        Filter filter = filters.createTaskFilterQuery().filterName("My group's tasks").singleResult();
        identity.setAuthentication("sam", List.of(RaciGroups.SECURITY));
        try {
            if (SqlCapture.enabled()) {
                SqlCapture.explain(app, "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity",
                        () -> filters.listPage(filter.getId(), tasks.createTaskQuery().orderByTaskCreateTime().desc(),
                                0, 15));
                // On PostgreSQL the engine routes the count to our statement (shared.TaskCountByGrantSets), which
                // MyBatis logs under our mapper's namespace.
                SqlCapture.explain(app, TaskCountByGrantSets.class.getName(), () -> filters.count(filter.getId()));
            }
            Latencies list = new Latencies();
            Latencies count = new Latencies();
            long found = 0;
            for (int i = 0; i < settings.taskSamples() + 5; i++) {
                long t = System.nanoTime();
                List<Task> page = filters.listPage(filter.getId(),
                        tasks.createTaskQuery().orderByTaskCreateTime().desc(), 0, 15);
                long t2 = System.nanoTime();
                found = filters.count(filter.getId());
                long t3 = System.nanoTime();
                if (page.size() != 15) {
                    throw new IllegalStateException("filter page has " + page.size() + " tasks");
                }
                if (i >= 5) {
                    list.add(t2 - t);
                    count.add(t3 - t2);
                }
            }
            report.row("Tasklist", String.format("%,d open tasks; \"My group's tasks\" as sam (%,d match): first page "
                    + "of 15 by created desc, p50 / p95 ms", open, found), list.summary5095(), "p95 < 100");
            report.row("Tasklist", "same filter: count, p50 / p95 ms", count.summary5095(), "p95 < 100");
            report.history().figure("tasklist_count_p95_ms", count.percentileMs(95));
            holdDatabase();
        } finally {
            identity.clearAuthentication();
        }
    }
}
