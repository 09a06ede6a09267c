package io.aimsgate.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Start-up of the application in its own JVM with default JVM settings, from an empty database: seconds until
 * {@code /actuator/health/readiness} answers 200, the CPU the application's JVM used until then, that the demo
 * inventory is in place at that moment, and resident memory 5 s later.
 * <ul>
 * <li>the embedded default as a user starts it: {@code java -jar target/aims-gate-*.jar} in an empty working
 * directory (needs {@code ./mvnw package} first; without a jar the row says so), and {@code ./mvnw spring-boot:run}
 * after the first build (the application JVM Maven forks, with the pom's run arguments);</li>
 * <li>the {@code postgres} profile, started from the test classpath's main classes and libraries.</li>
 * </ul>
 */
final class Footprint {

    private static final Pattern TOTAL = Pattern.compile("\"totalElements\"\\s*:\\s*(\\d+)");
    private static final Pattern STARTED = Pattern.compile("Started AimsGateApplication in ([0-9.]+) seconds");

    private final BenchDatabase server;
    private final Report report;
    private final History history;

    Footprint(BenchDatabase server, Report report) {
        this.server = server;
        this.report = report;
        this.history = report.history();
    }

    record Start(double seconds, double cpuSeconds, long rssMb, String springStarted, long demoSystems,
            Machine.Quiet before) {
    }

    /**
     * Busy cores below which the machine counts as quiet for a start: the bench's own JVM and the database server idle
     * use a few hundredths; after the larger sections the server can work for a minute (autovacuum, checkpoints).
     */
    private static final double QUIET_CORES = 0.15;

    void run() throws Exception {
        Path dir = Files.createTempDirectory("aims-bench-footprint");
        Optional<Path> jar = packagedJar();
        if (jar.isPresent()) {
            Path work = Files.createDirectories(dir.resolve("jar"));
            List<String> command = List.of(java(), "-jar", jar.get().toString());
            Start start = measure(command, work, Map.of(), work.resolve("app.log"), true);
            rows("embedded default, java -jar " + Path.of("").toAbsolutePath().relativize(jar.get()), start, "jar");
        } else {
            report.row("Footprint", "embedded default, java -jar", "no target/aims-gate-*.jar: run ./mvnw package "
                    + "-DskipTests before the benchmark", "");
        }
        Path run = Files.createDirectories(dir.resolve("run"));
        Map<String, String> embedded = new HashMap<>();
        embedded.put("AIMS_DB_URL", "jdbc:h2:file:" + run.resolve("aimsgate") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        embedded.put("AIMS_AUDIT_DEFAULT_KEY_FILE", run.resolve("audit-signing-key").toString());
        embedded.put("AIMS_EVIDENCE_DIR", run.resolve("evidence").toString());
        Start start = measure(List.of(Path.of("mvnw").toAbsolutePath().toString(), "-B", "-q", "-o",
                "spring-boot:run"), Path.of("").toAbsolutePath(), embedded, run.resolve("app.log"), true);
        rows("embedded default, ./mvnw spring-boot:run", start, "run");

        BenchDatabase.Database db = server.freshDatabase();
        Path pg = Files.createDirectories(dir.resolve("postgres"));
        // The application's own classpath (main classes and runtime libraries), not the test classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
        start = measure(List.of(java(), "-cp", classpath, "io.aimsgate.AimsGateApplication"), pg,
                Map.of("SPRING_PROFILES_ACTIVE", "postgres", "AIMS_DB_URL", db.url(), "AIMS_DB_USER", db.username(),
                        "AIMS_DB_PASSWORD", db.password()), pg.resolve("app.log"), false);
        rows("PostgreSQL (postgres profile)", start, "postgres");
    }

    private void rows(String name, Start start, String key) {
        if (start == null) {
            return;
        }
        report.row("Footprint", name + ": start to ready s (Spring's own \"Started in\"); JVM CPU s until ready",
                String.format("%.1f (%s); %.1f", start.seconds, start.springStarted, start.cpuSeconds),
                key.equals("postgres") ? "" : "<= 15");
        report.row("Footprint", name + ": cores busy in the second before the start; seconds waited for that quiet",
                String.format(Locale.ROOT, "%.2f; %.0f", start.before.busyCores(), start.before.waitedSeconds()),
                "< " + QUIET_CORES);
        if (start.demoSystems >= 0) {
            report.row("Footprint", name + ": demo AI systems listed by the API at ready", Long.toString(start.demoSystems),
                    ">= 8");
        }
        report.row("Footprint", name + ": resident memory 5 s after ready, MB", Long.toString(start.rssMb),
                key.equals("postgres") ? "" : "< 512");
        history.figure("start_" + key + "_s", start.seconds);
        history.figure("start_" + key + "_cpu_s", start.cpuSeconds);
        history.figure("rss_" + key + "_mb", start.rssMb);
    }

    private Start measure(List<String> command, Path workDir, Map<String, String> environment, Path log, boolean demo)
            throws Exception {
        int port = freePort();
        List<String> full = new ArrayList<>(command);
        if (full.contains("spring-boot:run")) {
            full.add("-Dspring-boot.run.arguments=--server.port=" + port);
        } else {
            full.add("--server.port=" + port);
        }
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().remove("MAVEN_OPTS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Machine.Quiet quiet = Machine.waitForQuiet(QUIET_CORES, 120);
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            double ready = -1;
            while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5) && process.isAlive()) {
                try {
                    HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        ready = (System.nanoTime() - start) / 1e9;
                        break;
                    }
                } catch (IOException starting) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            // The application's JVM: the process itself, or the one spring-boot:run forked.
            ProcessHandle app = application(process.toHandle());
            if (ready < 0) {
                report.row("Footprint", String.join(" ", command.subList(0, Math.min(3, command.size())))
                        + ": did not become ready; see " + log, "", "");
                return null;
            }
            double cpu = cpuSeconds(app.pid());
            long demoSystems = -1;
            if (demo) {
                // Demo data in place when readiness says so: the inventory as a demo user sees it, at once.
                HttpResponse<String> systems = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/systems?size=100")).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("olivia:demo".getBytes(StandardCharsets.UTF_8))).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher total = TOTAL.matcher(systems.body());
                demoSystems = systems.statusCode() == 200 && total.find() ? Long.parseLong(total.group(1)) : 0;
            }
            Thread.sleep(5000);
            long rss = Machine.rssMb(app.pid());
            String started = Files.readAllLines(log).stream().map(STARTED::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse("?");
            return new Start(ready, cpu, rss, started, demoSystems, quiet);
        } finally {
            List<ProcessHandle> all = Stream.concat(process.descendants(), Stream.of(process.toHandle()))
                    .collect(Collectors.toList());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception stillRunning) {
                    handle.destroyForcibly();
                }
            }
        }
    }

    /** The JVM running the application: the one Maven forked for it, or the launched process itself (java). */
    private static ProcessHandle application(ProcessHandle root) {
        // Maven's wrapper execs Maven's own JVM, so the launched process is a java process too: look for the forked
        // application first. From /proc: ProcessHandle.Info may give no arguments for a command line as long as the
        // forked JVM's class path.
        return root.descendants().filter(p -> commandLine(p.pid()).contains("io.aimsgate.AimsGateApplication"))
                .findFirst().orElse(root);
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    /** User and system CPU of a process, in seconds (/proc/pid/stat, clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Optional<Path> packagedJar() throws IOException {
        Path target = Path.of("target").toAbsolutePath();
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("aims-gate-.*\\.jar")).findFirst();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
