package io.aimsgate.bench;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.RiskService;
import io.aimsgate.risk.StrideCategory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.core.env.Environment;

/**
 * The CI/CD pipeline check, {@code GET .../deployment-decision} with HTTP Basic, from N concurrent keep-alive
 * connections on loopback (all on one driver thread, {@link HttpLoad}, so the driver costs little CPU and adds little
 * wait next to the server it shares the cores with), for an approved version (200) and for a blocked one (409), and,
 * as the floor of machine and server, Spring Boot's liveness probe driven the same way.
 */
final class PipelineCheck {

    private final BenchApp app;
    private final Settings settings;
    private final Report report;
    private final GateThroughput gates;

    PipelineCheck(BenchApp app, Settings settings, Report report, GateThroughput gates) {
        this.app = app;
        this.settings = settings;
        this.report = report;
        this.gates = gates;
    }

    /** The environment the check names: it requires the deployment gate's approval (application.yml). */
    static final String ENVIRONMENT = "production";
    private static final String BLOCKED_ARTEFACT = "ef".repeat(32);

    /**
     * The check as a pipeline makes it (docs/pipelines.md): bound to the artefact's digest and the environment, so the
     * answer is the one the environment requires for exactly that artefact.
     */
    static String binding(String artefactSha256) {
        return "?digest=sha256:" + artefactSha256 + "&environment=" + ENVIRONMENT;
    }

    record Result(double rate, Latencies latencies, long ok, long other, String firstOther, double cpuMsPerRequest,
            long jitMillis) {
    }

    /**
     * A version the gate halted: a high-risk-tier system with an OPEN CRITICAL risk, submitted by olivia; the check
     * answers 409 naming the status and the risk.
     */
    private String blockedVersion() {
        InventoryService inventory = app.bean(InventoryService.class);
        AiSystem system = inventory.createSystem(new SystemDetails("Pipeline blocked system",
                "Benchmark system with an unresolved critical risk.", AiType.PREDICTIVE, "olivia", "Benchmark",
                SupplierType.IN_HOUSE, null, EuAiActTier.HIGH, List.of("none"), false),
                LifecycleStage.INCEPTION, "olivia");
        BenchLifecycle.passGatesBeforeDeployment(app.port, system.getId(), "HIGH");
        inventory.registerVersion(system.getId(), "2.1.0", BLOCKED_ARTEFACT, "mia");
        app.bean(RiskService.class).record(system.getId(), new RiskDetails(LifecycleStage.DESIGN_AND_DEVELOPMENT,
                StrideCategory.TAMPERING, "Training data poisoning", "Benchmark blocking risk.", 4, 5, null, null, null,
                null, null), "sam");
        new HttpCaller(app.port, "olivia", "demo").post("/api/systems/" + system.getId()
                + "/versions/2.1.0/deployment-requests", "{}").expect(201, "submit blocked version");
        return "/api/systems/" + system.getId() + "/versions/2.1.0/deployment-decision" + binding(BLOCKED_ARTEFACT);
    }

    void run() throws Exception {
        // An approved version: one more gate driven through the API (works whether or not the gate section ran).
        long system = gates.ensureSystems().get(0);
        gates.run("ours", "pipeline", 1);
        String approved = "/api/systems/" + system + "/versions/pipeline-0/deployment-decision"
                + binding(GateThroughput.ARTEFACT);
        String blocked = blockedVersion();
        String auth = HttpCaller.basic("olivia", "demo");
        // The floor of this machine and server: Spring Boot's liveness probe (no authentication, no database), driven
        // the same way. The pipeline check cannot be faster than this on the same cores.
        String[][] variants = {{"approved version (200)", approved, "200"},
            {"blocked version (409 problem+json)", blocked, "409"},
            {"calibration: GET /actuator/health/liveness, no authentication (200)", "/actuator/health/liveness", "200"}};
        int connections = settings.pipelineConnections();
        warmUp(variants, auth, connections);
        // aims.pipeline.decision-cache-ttl (-D on the command line): 0 measures every request deciding anew.
        String cache = app.bean(Environment.class).getProperty("aims.pipeline.decision-cache-ttl", "1s");
        List<Result> results = new ArrayList<>();
        for (String[] variant : variants) {
            Result result = load(variant, auth, connections, settings.pipelineSeconds());
            results.add(result);
            boolean check = variant[1].startsWith("/api/");
            report.row("Pipeline check", variant[0] + ": req/s, " + connections + " connections"
                    + (check ? ", decision cache " + cache : ""), String.format("%.0f", result.rate),
                    check ? ">= 0.9 x probe" : "");
            report.row("Pipeline check", variant[0] + ": p50 / p95 / p99 ms", result.latencies.summary(),
                    check ? "p99 < 20" : "");
            report.row("Pipeline check", variant[0] + ": JVM CPU per request (app + driver) ms; 2 cores / CPU; JIT "
                    + "compile ms in the window", String.format("%.2f; %.0f req/s; %d", result.cpuMsPerRequest,
                            Runtime.getRuntime().availableProcessors() * 1000 / result.cpuMsPerRequest,
                            result.jitMillis), "");
            unexpected(variant[0], result);
        }
        // Issue 20: the check at 0.9 x the liveness probe of the same server in the same run.
        double probe = results.get(2).rate;
        report.row("Pipeline check", "approved / blocked req/s as share of the liveness probe's",
                String.format("%.2f / %.2f", results.get(0).rate / probe, results.get(1).rate / probe), ">= 0.9");
        report.history().figure("pipeline_vs_probe", results.get(0).rate / probe);
        report.history().figure("pipeline_blocked_vs_probe", results.get(1).rate / probe);
        report.history().figure("pipeline_p99_ms", results.get(0).latencies.percentileMs(99));
        report.history().figure("pipeline_blocked_p99_ms", results.get(1).latencies.percentileMs(99));
        // -Dbench.pipeline.rounds=N: N more rounds of the three, each -Dbench.pipeline.round-seconds long (5 s), back to
        // back, at the same connections: the check's CPU per request over the probe's in each round, so a comparison of
        // two commits on a shared machine rests on ratios taken seconds apart rather than on one window each.
        int rounds = Integer.getInteger("bench.pipeline.rounds", 0);
        if (rounds > 0) {
            int roundSeconds = Integer.getInteger("bench.pipeline.round-seconds", 5);
            List<Double> approvedCpu = new ArrayList<>();
            List<Double> blockedCpu = new ArrayList<>();
            List<Double> approvedRate = new ArrayList<>();
            List<Double> blockedRate = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Result[] r = new Result[3];
                for (int v = 0; v < 3; v++) {
                    r[v] = load(variants[v], auth, connections, roundSeconds);
                    unexpected(variants[v][0] + ", round " + (round + 1), r[v]);
                }
                approvedCpu.add(r[0].cpuMsPerRequest / r[2].cpuMsPerRequest);
                blockedCpu.add(r[1].cpuMsPerRequest / r[2].cpuMsPerRequest);
                approvedRate.add(r[0].rate / r[2].rate);
                blockedRate.add(r[1].rate / r[2].rate);
                System.out.printf(Locale.ROOT, "[bench] pipeline round %d: CPU ms a request approved %.3f, blocked %.3f,"
                        + " probe %.3f; req/s %.0f, %.0f, %.0f%n", round + 1, r[0].cpuMsPerRequest,
                        r[1].cpuMsPerRequest, r[2].cpuMsPerRequest, r[0].rate, r[1].rate, r[2].rate);
            }
            report.row("Pipeline check", rounds + " rounds of " + roundSeconds + " s: JVM CPU a request over the "
                    + "probe's, approved / blocked: median (min to max)", spread(approvedCpu) + " / "
                    + spread(blockedCpu), "<= 1.11");
            report.row("Pipeline check", rounds + " rounds of " + roundSeconds + " s: req/s as share of the probe's, "
                    + "approved / blocked: median (min to max)", spread(approvedRate) + " / " + spread(blockedRate),
                    ">= 0.9");
        }
        // At 64 connections on 2 cores the tail is bounded by queueing (Little's law: connections / rate), the
        // probe's as much as the check's. CI pipelines poll a few at a time: the same three at a moderate concurrency.
        int moderate = settings.pipelineModerateConnections();
        if (moderate > 0) {
            for (String[] variant : variants) {
                Result result = load(variant, auth, moderate, settings.pipelineSeconds());
                report.row("Pipeline check", variant[0] + ", " + moderate + " connections (moderate): req/s; p50 / p95 "
                        + "/ p99 ms", String.format("%.0f; %s", result.rate, result.latencies.summary()),
                        variant[1].startsWith("/api/") ? "p99 < 20" : "");
                unexpected(variant[0] + ", " + moderate + " connections", result);
            }
        }
    }

    /**
     * All three warm up before any is measured, until the JIT has caught up. Under 64 connections on 2 cores the
     * compiler threads are two runnable threads among about 130, so a compilation that takes milliseconds of CPU waits
     * seconds for it: measured after 20 s at 64 connections, the JIT was still compiling through every window (its
     * compile time summed over its threads was the whole window), and which variant came later decided the ratio. So
     * each variant first runs at 2 connections (the cores have room for the compilers), then the rounds at the
     * measured connections repeat, up to {@code bench.pipeline.warmup} x 6 s in all, until one round of the three
     * compiled for less than a tenth of its length.
     */
    private void warmUp(String[][] variants, String auth, int connections) throws Exception {
        int seconds = settings.pipelineWarmupSeconds();
        for (String[] variant : variants) {
            load(variant, auth, 2, seconds);
        }
        long deadline = System.nanoTime() + seconds * 6_000_000_000L;
        int roundSeconds = Math.max(1, seconds / 4);
        for (int round = 1; ; round++) {
            long compiled = 0;
            for (String[] variant : variants) {
                compiled += load(variant, auth, connections, roundSeconds).jitMillis();
            }
            boolean caughtUp = compiled < variants.length * roundSeconds * 100L;
            if (caughtUp || System.nanoTime() > deadline) {
                report.row("Pipeline check", "warm-up: rounds of the three at " + connections + " connections after "
                        + seconds + " s each at 2; JIT compile ms in the last round of " + variants.length * roundSeconds
                        + " s", round + "; " + compiled + (caughtUp ? "" : " (still compiling)"), "");
                return;
            }
        }
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format(Locale.ROOT, "%.2f (%.2f to %.2f)", median, sorted.get(0), sorted.get(n - 1));
    }

    private void unexpected(String variant, Result result) {
        if (result.other > 0) {
            report.row("Pipeline check", variant + ": unexpected answers", result.other + " of "
                    + (result.ok + result.other) + " (" + result.firstOther + ")", "0");
        }
    }

    private static String authFor(String path, String auth) {
        return path.startsWith("/api/") ? auth : null;
    }

    /** One of the three variants ({label, path, expected status}) as {@link #load(String, String, int, int, int)}. */
    private Result load(String[] variant, String auth, int connections, int seconds) throws Exception {
        return load(variant[1], authFor(variant[1], auth), Integer.parseInt(variant[2]), connections, seconds);
    }

    /**
     * N keep-alive connections sending the request back to back for the given time ({@link HttpLoad}); no
     * Authorization when null.
     */
    Result load(String path, String authorization, int expected, int connections, int seconds) throws Exception {
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + app.port + "\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Accept: application/json, application/problem+json\r\nUser-Agent: aims-bench\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long cpu = Machine.processCpuNanos();
        long jit = Machine.compilationMillis();
        long start = System.nanoTime();
        HttpLoad.Outcome outcome = HttpLoad.run(app.port, request, expected, connections,
                start + seconds * 1_000_000_000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long requests = outcome.requests();
        // The window, to cut a Flight Recorder profile (-Dbench.jfr) to one variant's load.
        // The JIT's compile time in the window: when it is more than a small share of the window, the server was still
        // being compiled while it was measured.
        long jitMillis = Machine.compilationMillis() - jit;
        System.out.printf("[bench] pipeline load %s, %d connections, %d s: %s to %s, %d requests, %d ms JIT%n", path,
                connections, seconds, Instant.now().minusNanos(System.nanoTime() - start), Instant.now(), requests,
                jitMillis);
        double cpuMs = (Machine.processCpuNanos() - cpu) / 1e6 / Math.max(1, requests);
        return new Result(requests / elapsed, outcome.latencies(), outcome.ok(), outcome.other(), outcome.firstOther(),
                cpuMs, jitMillis);
    }
}
