package io.aimsgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.evidence.EvidenceKind;
import io.aimsgate.evidence.EvidenceService;
import io.aimsgate.evidence.EvidenceSubjectType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.raci.RaciGroups;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;

/**
 * Gate throughput: N deployment requests driven from submission to approval by M concurrent HTTP clients, every
 * review completed by a user of the right group (find, claim, complete over /engine-rest); then the same shape of
 * process with no delegates, listeners or our tables ("bare Camunda"), driven the same way through the same
 * server, security filters and engine. Rounds alternate between the two so drift on a shared machine hits both.
 * Then the database limit: single-row insert-and-commit transactions on the same connection pool.
 */
final class GateThroughput {

    static final String BARE_KEY = "bare-deployment-approval";
    /** The SHA-256 of every benchmark version's artefact (hexadecimal). */
    static final String ARTEFACT = "ab".repeat(32);
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final String COMPLETE_BODY = "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},"
            + "\"rationale\":{\"value\":\"Benchmark review: evidence checked, fine to ship.\"}}}";
    private static final List<String[]> STEPS = List.of(new String[] {"mia", "task_technical_review"},
            new String[] {"sam", "task_security_review"}, new String[] {"oscar", "task_accountable_approval"});

    record DbCounters(long xid, long commits, long rollbacks, long tuples) {
    }

    static final class Round {
        final String kind;
        final int gates;
        double seconds;
        final AtomicInteger errors = new AtomicInteger();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final Latencies submit = new Latencies();
        final Latencies complete = new Latencies();
        final Latencies gate = new Latencies();
        DbCounters before;
        DbCounters after;
        long cpuNanos;
        long requestCpuNanos;
        double databaseCpuSeconds;
        long verified;

        Round(String kind, int gates) {
            this.kind = kind;
            this.gates = gates;
        }
    }

    private final BenchApp app;
    private final BenchDatabase server;
    private final Settings settings;
    private final Report report;
    private final Map<String, HttpCaller> callers;
    private final List<Long> systems = new ArrayList<>();
    private PlainCamunda plain;
    private Map<String, HttpCaller> plainCallers = Map.of();

    GateThroughput(BenchApp app, BenchDatabase server, Settings settings, Report report) {
        this.app = app;
        this.server = server;
        this.settings = settings;
        this.report = report;
        this.callers = Map.of("olivia", new HttpCaller(app.port, "olivia", "demo"),
                "oscar", new HttpCaller(app.port, "oscar", "demo"), "mia", new HttpCaller(app.port, "mia", "demo"),
                "sam", new HttpCaller(app.port, "sam", "demo"));
    }

    /**
     * Adds plain Camunda (its own JVM, {@link PlainCamunda}) to the rounds: the bare process driven the same way, by
     * the same users' requests, against the REST starter alone.
     */
    void withPlain(PlainCamunda reference) {
        this.plain = reference;
        this.plainCallers = Map.of("olivia", new HttpCaller(reference.port, "olivia", "demo"),
                "oscar", new HttpCaller(reference.port, "oscar", "demo"),
                "mia", new HttpCaller(reference.port, "mia", "demo"), "sam", new HttpCaller(reference.port, "sam", "demo"));
    }

    /** One bench system per client: gates of one client never touch another client's system row. */
    List<Long> ensureSystems() {
        if (systems.isEmpty()) {
            InventoryService inventory = app.bean(InventoryService.class);
            for (int k = 0; k < settings.clients(); k++) {
                AiSystem system = inventory.createSystem(new SystemDetails("Bench system " + k,
                        "Benchmark system for gate throughput.", AiType.GENERATIVE, "olivia", "Benchmark",
                        SupplierType.IN_HOUSE, null, EuAiActTier.TRANSPARENCY, List.of("none"), false),
                        LifecycleStage.INCEPTION, "olivia");
                BenchLifecycle.passGatesBeforeDeployment(app.port, system.getId(), "TRANSPARENCY");
                systems.add(system.getId());
            }
        }
        return systems;
    }

    void run() throws Exception {
        deployBare();
        ensureSystems();
        report.note("Gate shape: transparency-tier system with a clean register: submit (register, assess risk), "
                + "technical review (mia), security review (sam), accountable approval (oscar), re-assess, record "
                + "approval. Each review: GET /engine-rest/task, POST claim, POST complete, as the reviewer.");
        run("ours", "w", settings.warmupGates());
        run("bare", "w", settings.warmupGates());
        if (plain != null) {
            run("plain", "w", settings.warmupGates());
        }
        if (StatementTrace.enabled()) {
            traceStatements();
        }
        List<Round> ours = new ArrayList<>();
        List<Round> bare = new ArrayList<>();
        List<Round> plains = new ArrayList<>();
        for (int r = 1; r <= settings.rounds(); r++) {
            if (r % 2 == 1) {
                ours.add(run("ours", "r" + r, settings.gates()));
                bare.add(run("bare", "r" + r, settings.gates()));
                if (plain != null) {
                    plains.add(run("plain", "r" + r, settings.gates()));
                }
            } else {
                if (plain != null) {
                    plains.add(run("plain", "r" + r, settings.gates()));
                }
                bare.add(run("bare", "r" + r, settings.gates()));
                ours.add(run("ours", "r" + r, settings.gates()));
            }
        }
        double oursRate = rate(ours);
        double bareRate = rate(bare);
        String shape = settings.gates() * settings.rounds() + " gates, " + settings.clients() + " clients";
        report.row("Gate throughput", "ours: completed gates/s (" + shape + ")", String.format("%.1f", oursRate), "");
        report.row("Gate throughput", "bare Camunda: completed gates/s (" + shape + ")",
                String.format("%.1f", bareRate), "");
        report.row("Gate throughput", "ratio ours / bare", String.format("%.2f", oursRate / bareRate), ">= 0.9");
        report.history().figure("gate_ratio", oursRate / bareRate);
        if (plain != null) {
            double plainRate = rate(plains);
            report.row("Gate throughput", "plain Camunda (REST starter only, own JVM, no security): completed gates/s ("
                    + shape + ", 10 HTTP calls a gate, as ours and bare)", String.format("%.1f", plainRate), "");
            report.row("Gate throughput", "server stack: ratio bare through our server / plain Camunda",
                    String.format("%.2f", bareRate / plainRate), ">= 0.75");
            report.row("Gate throughput", "plain: submit p50 / p95 / p99 ms; task complete p50 / p95 / p99 ms",
                    merged(plains, "submit").summary() + "; " + merged(plains, "complete").summary(), "");
            report.row("Gate throughput", "JVM CPU per gate, plain Camunda's JVM + driver, ms",
                    String.format("%.1f", cpuPerGate(plains)), "");
            report.row("Gate throughput", "database server CPU per gate, plain Camunda, ms", databaseCpuPerGate(plains),
                    "");
            report.row("Gate throughput", "plain Camunda: write transactions; all commits incl. reads, per gate",
                    String.format("%.1f; %.1f", perGate(plains, true), perGate(plains, false)), "");
            int plainErrors = plains.stream().mapToInt(r -> r.errors.get()).sum();
            report.row("Gate throughput", "failed gates (plain)", Integer.toString(plainErrors), "0");
            plains.stream().filter(r -> r.firstError.get() != null).findFirst()
                    .ifPresent(r -> report.note("First failure (plain): " + r.firstError.get()));
            report.history().figure("stack_ratio", bareRate / plainRate);
        }
        report.row("Gate throughput", "ours: submit p50 / p95 / p99 ms", merged(ours, "submit").summary(), "");
        report.row("Gate throughput", "bare: submit (engine-rest start) p50 / p95 / p99 ms",
                merged(bare, "submit").summary(), "");
        report.row("Gate throughput", "ours: task complete p50 / p95 / p99 ms", merged(ours, "complete").summary(), "");
        report.row("Gate throughput", "bare: task complete p50 / p95 / p99 ms", merged(bare, "complete").summary(), "");
        report.row("Gate throughput", "ours: whole gate (10 HTTP calls) p50 / p95 / p99 ms",
                merged(ours, "gate").summary(), "");
        report.row("Gate throughput", "bare: whole gate (10 HTTP calls) p50 / p95 / p99 ms",
                merged(bare, "gate").summary(), "");
        report.row("Gate throughput", "JVM CPU per gate, app + driver (ours / bare) ms",
                String.format("%.1f / %.1f", cpuPerGate(ours), cpuPerGate(bare)), "");
        report.row("Gate throughput", "CPU of the request threads per gate, no JIT, GC or driver (ours / bare) ms",
                String.format("%.1f / %.1f", requestCpuPerGate(ours), requestCpuPerGate(bare)), "");
        report.row("Gate throughput", "database server CPU per gate (ours / bare) ms",
                databaseCpuPerGate(ours) + " / " + databaseCpuPerGate(bare), "");
        double oursTx = perGate(ours, true);
        double bareTx = perGate(bare, true);
        report.row("Gate throughput", "write transactions per gate (ours / bare)",
                String.format("%.1f / %.1f", oursTx, bareTx), "");
        report.row("Gate throughput", "all commits per gate incl. reads (ours / bare)",
                String.format("%.1f / %.1f", perGate(ours, false), perGate(bare, false)), "");
        report.row("Gate throughput", "rows written per gate (ours / bare)",
                String.format("%.0f / %.0f", tuplesPerGate(ours), tuplesPerGate(bare)), "");
        int errors = ours.stream().mapToInt(r -> r.errors.get()).sum() + bare.stream().mapToInt(r -> r.errors.get()).sum();
        report.row("Gate throughput", "failed gates (ours + bare)", Integer.toString(errors), "0");
        ours.stream().filter(r -> r.firstError.get() != null).findFirst()
                .ifPresent(r -> report.note("First failure (ours): " + r.firstError.get()));
        bare.stream().filter(r -> r.firstError.get() != null).findFirst()
                .ifPresent(r -> report.note("First failure (bare): " + r.firstError.get()));

        double limit = databaseLimit();
        report.row("Database limit", "single-row insert+commit tx/s (" + settings.clients()
                + " threads, app's pool)", String.format("%.0f", limit), "");
        report.row("Database limit", "ours: write tx/s at gate rate, as share of the limit",
                String.format("%.0f tx/s = %.1f%%", oursRate * oursTx, 100 * oursRate * oursTx / limit), "");
        report.row("Database limit", "bare: write tx/s at gate rate, as share of the limit",
                String.format("%.0f tx/s = %.1f%%", bareRate * bareTx, 100 * bareRate * bareTx / limit), "");
        report.row("Database limit", "gates/s if commits were the only limit (ours / bare)",
                String.format("%.0f / %.0f", limit / oursTx, limit / bareTx), "");
    }

    private static double rate(List<Round> rounds) {
        return rounds.stream().mapToInt(r -> r.gates - r.errors.get()).sum()
                / rounds.stream().mapToDouble(r -> r.seconds).sum();
    }

    private static Latencies merged(List<Round> rounds, String which) {
        Latencies all = new Latencies();
        for (Round r : rounds) {
            all.addAll(switch (which) {
                case "submit" -> r.submit;
                case "complete" -> r.complete;
                default -> r.gate;
            });
        }
        return all;
    }

    private static double cpuPerGate(List<Round> rounds) {
        return rounds.stream().mapToLong(r -> r.cpuNanos).sum() / 1e6 / rounds.stream().mapToInt(r -> r.gates).sum();
    }

    private static double requestCpuPerGate(List<Round> rounds) {
        return rounds.stream().mapToLong(r -> r.requestCpuNanos).sum() / 1e6
                / rounds.stream().mapToInt(r -> r.gates).sum();
    }

    /** The PostgreSQL server's CPU per gate (all its processes, on this machine), or "not measured". */
    private static String databaseCpuPerGate(List<Round> rounds) {
        if (rounds.stream().anyMatch(r -> r.databaseCpuSeconds < 0)) {
            return "not measured";
        }
        return String.format("%.1f", rounds.stream().mapToDouble(r -> r.databaseCpuSeconds).sum() * 1000
                / rounds.stream().mapToInt(r -> r.gates).sum());
    }

    private static double perGate(List<Round> rounds, boolean writes) {
        long total = 0;
        for (Round r : rounds) {
            total += writes ? r.after.xid - r.before.xid - 1 : r.after.commits - r.before.commits;
        }
        return (double) total / rounds.stream().mapToInt(r -> r.gates).sum();
    }

    private static double tuplesPerGate(List<Round> rounds) {
        return (double) rounds.stream().mapToLong(r -> r.after.tuples - r.before.tuples).sum()
                / rounds.stream().mapToInt(r -> r.gates).sum();
    }

    Round run(String kind, String phase, int gates) throws Exception {
        InventoryService inventory = app.bean(InventoryService.class);
        if (kind.equals("ours")) {
            for (int i = 0; i < gates; i++) {
                var version = inventory.registerVersion(systems.get(i % systems.size()), phase + "-" + i,
                        ARTEFACT, "mia");
                attachModelCard(version.getId());
            }
        }
        Round round = new Round(kind, gates);
        long verifiedBefore = verifiedCount(kind);
        round.before = counters(kind);
        long cpu = Machine.processCpuNanos() + (kind.equals("plain") ? plainCpuNanos() : 0);
        long requestCpu = Machine.requestThreadCpuNanos();
        long jit = Machine.compilerCpuNanos();
        double databaseCpu = server.serverCpuSeconds();
        if (BenchDatabase.statementsShown() > 0) {
            server.resetStatements();
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        java.time.Instant startedAt = java.time.Instant.now();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < settings.clients(); k++) {
            int client = k;
            futures.add(pool.submit(() -> {
                for (int i = client; i < gates; i += settings.clients()) {
                    try {
                        if (kind.equals("ours")) {
                            driveOurs(round, systems.get(i % systems.size()), phase + "-" + i);
                        } else {
                            driveBare(round, phase + "-" + i, kind.equals("plain") ? plainCallers : callers);
                        }
                    } catch (RuntimeException e) {
                        round.errors.incrementAndGet();
                        round.firstError.compareAndSet(null, e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        round.seconds = (System.nanoTime() - start) / 1e9;
        round.cpuNanos = Machine.processCpuNanos() + (kind.equals("plain") ? plainCpuNanos() : 0) - cpu;
        round.requestCpuNanos = Machine.requestThreadCpuNanos() - requestCpu;
        round.databaseCpuSeconds = databaseCpu < 0 ? -1 : server.serverCpuSeconds() - databaseCpu;
        pool.shutdown();
        round.after = counters(kind);
        round.verified = verifiedCount(kind) - verifiedBefore;
        if (round.verified != gates - round.errors.get()) {
            round.errors.addAndGet((int) Math.abs(gates - round.errors.get() - round.verified));
            round.firstError.compareAndSet(null, "only " + round.verified + " of " + gates + " gates ended approved");
        }
        System.out.printf("[bench] round %s %s: %d gates in %.1f s = %.1f gates/s, errors %d, submit %s, complete %s,"
                + " CPU per gate %.1f ms (JVM; request threads %.1f ms) + %.1f ms (database), JIT compilers' CPU %.1f ms"
                + " a gate, load %s, window %s to %s%s%n", kind, phase,
                gates, round.seconds, (gates - round.errors.get()) / round.seconds, round.errors.get(),
                round.submit.summary(), round.complete.summary(), round.cpuNanos / 1e6 / gates,
                round.requestCpuNanos / 1e6 / gates, round.databaseCpuSeconds * 1000 / gates,
                (Machine.compilerCpuNanos() - jit) / 1e6 / gates, Machine.load(),
                startedAt, startedAt.plusNanos((long) (round.seconds * 1e9)),
                round.firstError.get() == null ? "" : "; first error: " + round.firstError.get());
        if (BenchDatabase.statementsShown() > 0) {
            String database = (kind.equals("plain") ? plain.database : app.database).name();
            for (String line : server.costliestStatements(database, gates, BenchDatabase.statementsShown())) {
                System.out.println("[bench] statements " + kind + " " + phase + ": " + line);
            }
        }
        return round;
    }

    /** The model card the deployment gate requires of every version it approves (uploaded by mia, not timed). */
    void attachModelCard(long versionId) {
        IdentityService identity = app.bean(IdentityService.class);
        identity.setAuthentication("mia", List.of(RaciGroups.ML_ENGINEERS));
        try {
            app.bean(EvidenceService.class).upload(new EvidenceService.Upload(EvidenceSubjectType.MODEL_VERSION,
                    versionId, EvidenceKind.MODEL_CARD, "model-card.md", LocalDate.now().plusYears(1), "text/markdown"),
                    new ByteArrayInputStream("# Model card\n\nBenchmark version: intended use, data, metrics, limits.\n"
                            .getBytes(StandardCharsets.UTF_8)), "mia");
        } finally {
            identity.clearAuthentication();
        }
    }

    /** Approved gates as the database records them: our request table, or the bare process's history. */
    private long verifiedCount(String kind) {
        if (kind.equals("plain")) {
            BenchDatabase.Database db = plain.database;
            try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = '"
                            + BARE_KEY + "' AND end_act_id_ = 'end_approved'")) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return kind.equals("ours") ? app.queryLong("SELECT count(*) FROM deployment_request WHERE status = 'APPROVED'")
                : app.queryLong("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = '" + BARE_KEY
                        + "' AND end_act_id_ = 'end_approved'");
    }

    /**
     * {@code -Dbench.sql=true}: one gate of ours and one bare, from one client, with the SQL statements and transactions
     * of each HTTP call printed ({@link StatementTrace}).
     */
    private void traceStatements() {
        InventoryService inventory = app.bean(InventoryService.class);
        var version = inventory.registerVersion(systems.get(0), "sql-trace", ARTEFACT, "mia");
        attachModelCard(version.getId());
        for (String kind : List.of("ours", "bare")) {
            Round round = new Round(kind, 1);
            StatementTrace.Summary[] total = {new StatementTrace.Summary(new java.util.TreeMap<>(),
                    new java.util.TreeMap<>())};
            try (StatementTrace trace = new StatementTrace()) {
                trace.take();
                java.util.function.Consumer<String> mark = what -> {
                    StatementTrace.Summary summary = trace.take();
                    summary.print(kind + " " + what);
                    summary.statements().forEach((k, v) -> total[0].statements().merge(k, v, Integer::sum));
                    summary.transactions().forEach((k, v) -> total[0].transactions().merge(k, v, Integer::sum));
                };
                traced = mark;
                if (kind.equals("ours")) {
                    driveOurs(round, systems.get(0), "sql-trace");
                } else {
                    driveBare(round, "sql-trace", callers);
                }
            } finally {
                traced = null;
            }
            total[0].print(kind + " whole gate");
        }
    }

    /** While {@link #traceStatements} runs: told after each HTTP call of the traced gate. */
    private volatile java.util.function.Consumer<String> traced;

    private void mark(String what) {
        java.util.function.Consumer<String> mark = traced;
        if (mark != null) {
            mark.accept(what);
        }
    }

    void driveOurs(Round round, long systemId, String label) {
        long t0 = System.nanoTime();
        HttpCaller.Response submitted = callers.get("olivia").post("/api/systems/" + systemId + "/versions/" + label
                + "/deployment-requests", "{\"note\":\"benchmark\"}");
        round.submit.add(System.nanoTime() - t0);
        mark("submit");
        JsonNode request = submitted.expect(201, "submit").json();
        if (!"IN_REVIEW".equals(request.path("status").asText())) {
            throw new IllegalStateException("submitted request is " + request.path("status").asText());
        }
        completeReviews(round, request.path("processInstanceId").asText(), callers);
        round.gate.add(System.nanoTime() - t0);
    }

    private long plainCpuNanos() {
        return (long) (Footprint.cpuSeconds(plain.pid()) * 1e9);
    }

    void driveBare(Round round, String label, Map<String, HttpCaller> through) {
        long t0 = System.nanoTime();
        // No variables from the client: our server accepts on the engine API only the fields of a process's start
        // form, and the bare process has none; its start listeners write the same variables (bareModel).
        String body = "{\"businessKey\":\"bare:" + label + "\"}";
        HttpCaller.Response started = through.get("olivia").post("/engine-rest/process-definition/key/" + BARE_KEY
                + "/start", body);
        round.submit.add(System.nanoTime() - t0);
        mark("start");
        completeReviews(round, started.expect(200, "start bare").json().path("id").asText(), through);
        round.gate.add(System.nanoTime() - t0);
    }

    private void completeReviews(Round round, String processInstanceId, Map<String, HttpCaller> through) {
        for (String[] step : STEPS) {
            HttpCaller reviewer = through.get(step[0]);
            JsonNode tasks = reviewer.get("/engine-rest/task?processInstanceId=" + processInstanceId
                    + "&taskDefinitionKey=" + step[1]).expect(200, "find " + step[1]).json();
            mark("find " + step[1]);
            if (tasks.size() != 1) {
                throw new IllegalStateException(step[0] + " sees " + tasks.size() + " " + step[1] + " tasks");
            }
            String taskId = tasks.get(0).path("id").asText();
            reviewer.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + step[0] + "\"}")
                    .expect(204, "claim " + step[1]);
            mark("claim " + step[1]);
            long t = System.nanoTime();
            HttpCaller.Response done = reviewer.post("/engine-rest/task/" + taskId + "/complete", COMPLETE_BODY);
            round.complete.add(System.nanoTime() - t);
            mark("complete " + step[1]);
            done.expect(204, "complete " + step[1]);
        }
    }

    /**
     * The same graph as processes/deployment-approval.bpmn with every delegate replaced by a constant expression,
     * every listener and form removed, and candidate groups written into the model (what RaciTaskListener adds).
     */
    void deployBare() throws Exception {
        RepositoryService repository = app.bean(RepositoryService.class);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(BARE_KEY).count() > 0) {
            return;
        }
        BpmnModelInstance model = bareModel();
        repository.createDeployment().name("benchmark bare Camunda").addModelInstance(BARE_KEY + ".bpmn", model)
                .addClasspathResource("forms/review-decision.form").deploy();
        AuthorizationService authorizations = app.bean(AuthorizationService.class);
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(RaciGroups.AI_PRODUCT_OWNERS);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(BARE_KEY);
        grant.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
        authorizations.saveAuthorization(grant);
    }

    /** The bare process as BPMN XML, for plain Camunda. */
    static String bareModelXml() throws Exception {
        return Bpmn.convertToString(bareModel());
    }

    private static BpmnModelInstance bareModel() throws Exception {
        BpmnModelInstance model;
        try (InputStream in = GateThroughput.class.getClassLoader().getResourceAsStream("processes/deployment-approval.bpmn")) {
            model = Bpmn.readModelFromStream(in);
        }
        for (BpmnDiagram diagram : new ArrayList<>(model.getModelElementsByType(BpmnDiagram.class))) {
            diagram.getParentElement().removeChildElement(diagram);
        }
        Process process = model.getModelElementById("deployment-approval");
        process.setId(BARE_KEY);
        process.setName("Bare deployment approval (benchmark)");
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            task.removeAttributeNs(CAMUNDA_NS, "delegateExpression");
            task.setCamundaExpression("${true}");
        }
        Map<String, String> groups = Map.of("task_technical_review", RaciGroups.ML_ENGINEERS,
                "task_security_review", RaciGroups.SECURITY,
                "task_legal_privacy_review", RaciGroups.LEGAL + "," + RaciGroups.PRIVACY,
                "task_ethics_review", RaciGroups.ETHICS, "task_accountable_approval", RaciGroups.AI_PRODUCT_OWNERS,
                "task_board_signoff", RaciGroups.GOVERNANCE_BOARD);
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            ExtensionElements extensions = task.getExtensionElements();
            if (extensions != null) {
                task.removeChildElement(extensions);
            }
            // The task forms stay (bound to the deployment, which carries them): our server accepts a completion's
            // variables only as fields of the task's form; plain Camunda resolves a form only when one is asked for.
            if (groups.containsKey(task.getId())) {
                task.setCamundaCandidateGroups(groups.get(task.getId()));
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            start.removeAttributeNs(CAMUNDA_NS, "formRef");
            start.removeAttributeNs(CAMUNDA_NS, "formRefBinding");
            if (start.getParentElement() == process) {
                // The variables a submission writes and the gateways read, written by the process itself.
                ExtensionElements extensions = start.getExtensionElements();
                if (extensions == null) {
                    extensions = model.newInstance(ExtensionElements.class);
                    start.setExtensionElements(extensions);
                }
                for (String assignment : List.of("'systemId', 2", "'versionLabel', execution.businessKey",
                        "'submissionNote', 'benchmark'", "'riskBlocked', false", "'highRiskTier', false",
                        "'reviewRejected', false", "'incidentHeld', false")) {
                    CamundaExecutionListener listener = extensions.addExtensionElement(CamundaExecutionListener.class);
                    listener.setCamundaEvent("start");
                    listener.setCamundaExpression("${execution.setVariable(" + assignment + ")}");
                }
            }
        }
        // A message start event's name is unique across the engine's process definitions: the bare copy gets its own.
        for (Message message : model.getModelElementsByType(Message.class)) {
            message.setName("bench-bare-" + message.getName());
        }
        for (ConditionExpression condition : model.getModelElementsByType(ConditionExpression.class)) {
            condition.setTextContent(condition.getTextContent().replace("lastDecision", "decision"));
        }
        Bpmn.validateModel(model);
        return model;
    }

    /**
     * Transaction and row counters of the database. Pooled connections are evicted first so every backend flushes
     * its statistics; write transactions are counted exactly by transaction ids (read-only ones take none).
     */
    DbCounters counters(String kind) {
        boolean plainKind = kind.equals("plain");
        if (!plainKind) {
            app.dataSource.getHikariPoolMXBean().softEvictConnections();
        }
        try {
            // plain Camunda's pool is in its own JVM and stays open: its idle backends report their counts within
            // PostgreSQL's stats interval (500 ms) of going idle
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BenchDatabase.Database db = plainKind ? plain.database : app.database;
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_stat_clear_snapshot()");
            long commits;
            long rollbacks;
            long tuples;
            try (ResultSet rs = statement.executeQuery("SELECT xact_commit, xact_rollback, tup_inserted + tup_updated "
                    + "+ tup_deleted FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                commits = rs.getLong(1);
                rollbacks = rs.getLong(2);
                tuples = rs.getLong(3);
            }
            try (ResultSet rs = statement.executeQuery("SELECT txid_current()")) {
                rs.next();
                return new DbCounters(rs.getLong(1), commits, rollbacks, tuples);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Single-row insert-and-commit transactions per second on the application's own pool. */
    double databaseLimit() throws Exception {
        app.execute("CREATE TABLE IF NOT EXISTS bench_tx (id BIGSERIAL PRIMARY KEY, payload VARCHAR(100) NOT NULL, "
                + "at TIMESTAMP WITH TIME ZONE NOT NULL)");
        insertFor(2);
        AtomicLong done = new AtomicLong();
        Latencies latencies = new Latencies();
        double seconds = insertFor(settings.dbSeconds(), done, latencies);
        double rate = done.get() / seconds;
        report.row("Database limit", "insert+commit latency p50 / p95 / p99 ms", latencies.summary(), "");
        return rate;
    }

    private void insertFor(int seconds) throws Exception {
        insertFor(seconds, new AtomicLong(), new Latencies());
    }

    private double insertFor(int seconds, AtomicLong done, Latencies latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int k = 0; k < settings.clients(); k++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    try (Connection connection = app.dataSource.getConnection()) {
                        connection.setAutoCommit(false);
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO bench_tx (payload, at) VALUES (?, now())")) {
                            insert.setString(1, "benchmark");
                            insert.executeUpdate();
                        }
                        connection.commit();
                    }
                    latencies.add(System.nanoTime() - t);
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }
}
