package io.aimsgate.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Start-up time to ready ({@code /actuator/health/readiness} answers 200) and resident memory after start, of the
 * application in its own JVM with default JVM settings (as {@code java -jar}), from an empty database: the embedded
 * default (profile demo, H2 file) and PostgreSQL (profile postgres).
 */
final class Footprint {

    private final BenchDatabase server;
    private final Report report;

    Footprint(BenchDatabase server, Report report) {
        this.server = server;
        this.report = report;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("aims-bench-footprint");
        measure("embedded default (demo, H2 file)", Map.of("AIMS_DB_URL", "jdbc:h2:file:" + dir.resolve("aimsgate")
                + ";DB_CLOSE_ON_EXIT=FALSE"), dir.resolve("h2.log"));
        BenchDatabase.Database db = server.freshDatabase();
        measure("PostgreSQL (postgres profile)", Map.of("SPRING_PROFILES_ACTIVE", "postgres", "AIMS_DB_URL", db.url(),
                "AIMS_DB_USER", db.username(), "AIMS_DB_PASSWORD", db.password()), dir.resolve("postgres.log"));
    }

    private void measure(String name, Map<String, String> environment, Path log) throws Exception {
        // The application's own classpath (main classes and runtime libraries), not the test classes.
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire"))
                .collect(Collectors.joining(File.pathSeparator));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "io.aimsgate.AimsGateApplication"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            double ready = -1;
            while (System.nanoTime() - start < TimeUnit.MINUTES.toNanos(3) && process.isAlive()) {
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
                Thread.sleep(100);
            }
            if (ready < 0) {
                report.row("Footprint", name, "did not become ready; see " + log, "");
                return;
            }
            Thread.sleep(5000);
            long rss = Machine.rssMb(process.pid());
            String started = Files.readAllLines(log).stream().filter(l -> l.contains("Started AimsGateApplication"))
                    .map(l -> l.replaceAll(".*Started AimsGateApplication in ([0-9.]+) seconds.*", "$1")).findFirst()
                    .orElse("?");
            report.row("Footprint", name + ": start to ready s (Spring's own \"Started in\")",
                    String.format("%.1f (%s)", ready, started), "");
            report.row("Footprint", name + ": resident memory 5 s after ready, MB", Long.toString(rss), "");
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
