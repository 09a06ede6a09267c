package io.aimsgate.bench;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The benchmark run: {@code ./mvnw -B -Pbench test} (see docs/benchmarks.md). Not part of {@code ./mvnw verify}:
 * surefire there runs *Test and *Tests only, and this class makes no timed assertion; it prints one table and writes
 * it to {@code target/bench/results.md}. Sections and sizes come from system properties ({@link Settings}).
 */
class AimsGateBenchmark {

    @Test
    void run() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Report report = new Report();
        report.header("Run " + Instant.now() + ": " + settings);
        report.header("Machine: " + Machine.description() + "; load at start " + Machine.load());
        long started = System.nanoTime();
        // -Dbench.jfr=path records the run with Java Flight Recorder (profile settings), to find where time goes.
        jdk.jfr.Recording recording = null;
        if (System.getProperty("bench.jfr") != null) {
            recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.setDestination(Path.of(System.getProperty("bench.jfr")));
            recording.start();
        }
        try (BenchDatabase server = BenchDatabase.start()) {
            report.header("Database: " + server.describe());
            if (settings.runs("gates") || settings.runs("pipeline") || settings.runs("risk")
                    || settings.runs("tasklist") || settings.runs("kpi") || settings.runs("ledger")
                    || settings.runs("evidence")) {
                try (BenchApp app = BenchApp.start(server.freshDatabase(), settings.poolSize(),
                        settings.runs("evidence") ? EvidenceTransfer.largestBytes(settings) : 0)) {
                    report.header(String.format("In-process application started in %.1f s (profile postgres, bench users, fresh "
                            + "PostgreSQL database, pool %d, port %d)", app.startSeconds, settings.poolSize(), app.port));
                    GateThroughput gates = new GateThroughput(app, server, settings, report);
                    if (settings.runs("gates")) {
                        // Plain Camunda (REST starter only, own JVM, own fresh database on the same server) runs the
                        // same rounds; -Dbench.plain=false leaves it out.
                        PlainCamunda plain = null;
                        if (!"false".equals(System.getProperty("bench.plain"))) {
                            try {
                                plain = PlainCamunda.start(server.freshDatabase(), settings.poolSize(),
                                        GateThroughput.bareModelXml());
                            } catch (IllegalStateException notStarted) {
                                report.row("Gate throughput", "plain Camunda", "not measured: " + notStarted.getMessage(),
                                        "");
                            }
                        }
                        if (plain != null) {
                            try (PlainCamunda reference = plain) {
                                report.header(String.format("Plain Camunda started in %.1f s (own JVM, port %d)",
                                        reference.startSeconds, reference.port));
                                gates.withPlain(reference);
                                gates.run();
                            }
                        } else {
                            gates.run();
                        }
                    }
                    if (settings.runs("pipeline")) {
                        new PipelineCheck(app, settings, report, gates).run();
                    }
                    if (settings.runs("risk")) {
                        new RiskRegisterGrowth(app, settings, report).run();
                    }
                    if (settings.runs("tasklist")) {
                        new TasklistVolume(app, settings, report).run();
                    }
                    if (settings.runs("kpi")) {
                        new KpiHistory(app, settings, report).run();
                    }
                    if (settings.runs("ledger")) {
                        new LedgerAppends(app, settings, report).run();
                    }
                    if (settings.runs("evidence")) {
                        new EvidenceTransfer(app, settings, report).run();
                    }
                }
            }
            if (settings.runs("footprint")) {
                new Footprint(server, report).run();
            }
        }
        if (recording != null) {
            recording.stop();
            recording.close();
        }
        report.header(String.format("Whole run: %.0f s; load at end %s", (System.nanoTime() - started) / 1e9,
                Machine.load()));
        String table = report.markdown();
        System.out.println("\n==== AIMS Gate benchmark ====\n" + table);
        report.write(Path.of(settings.out()));
        // The headline figures go to docs/bench/history.csv and its chart (docs/benchmarks.md); -Dbench.history=none
        // leaves them out (a partial or experimental run).
        String history = System.getProperty("bench.history", "docs/bench/history.csv");
        if (!"none".equals(history)) {
            report.history().write(Path.of(history), commit(), String.format(java.util.Locale.ROOT, "%.2f",
                    Machine.load1()));
        }
    }

    /** The commit measured, with "+changes" when the tree differs from it. */
    private static String commit() {
        if (System.getProperty("bench.commit") != null) {
            return System.getProperty("bench.commit");
        }
        try {
            Process head = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
            String id = new String(head.getInputStream().readAllBytes()).strip();
            Process status = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no")
                    .redirectErrorStream(true).start();
            boolean dirty = !new String(status.getInputStream().readAllBytes()).isBlank();
            return head.waitFor() == 0 && id.matches("[0-9a-f]+") ? id + (dirty ? "+changes" : "") : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
