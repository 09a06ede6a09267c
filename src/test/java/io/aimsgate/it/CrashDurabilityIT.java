package io.aimsgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * kill -9 during a stream of writes loses nothing that was answered: the packaged jar runs in its own JVM, exactly as
 * {@code java -jar} starts it (embedded default: demo profile, H2 file database under ./data of its working
 * directory), four clients write risks, incidents, nonconformities, monitoring readings, versions and deployment
 * submissions over HTTP, the JVM is killed with SIGKILL in the middle of the stream, restarted on the same data
 * directory, and every write that had been answered 201 must be there. Several rounds on one data directory.
 */
class CrashDurabilityIT {

    private static final int ROUNDS = 3;
    private static final int WRITERS = 4;
    private static final String DEMO_PASSWORD = "demo";
    /** Demo inventory: a system in deployment whose versions, risks and readings the stream writes. */
    private static final long SYSTEM = 2;

    private final List<Ack> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sequence = new AtomicInteger();

    /** One write answered 201, and how to find it again: a GET that must answer 200 containing the marker. */
    record Ack(String kind, String check, String marker, Instant answeredAt, int round) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndRestart() throws Exception {
        Path work = Files.createTempDirectory("aims-crash-");
        AppNode node = AppNode.start("crash-0", Map.of(), work);
        List<String> roundReports = new ArrayList<>();
        try {
            String incidentVersion = setUpIncidentVersion(new Http(node.port()));
            for (int round = 1; round <= ROUNDS; round++) {
                Http http = new Http(node.port());
                int before = acknowledged.size();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger failedInFlight = new AtomicInteger();
                ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    int currentRound = round;
                    running.add(writers.submit(() -> write(http, writer, currentRound, incidentVersion, stop,
                            failedInFlight)));
                }
                // Let the stream get going, then kill somewhere in its middle.
                awaitAcknowledged(before + 20, Duration.ofMinutes(2), running);
                Thread.sleep(ThreadLocalRandom.current().nextLong(500, 3000));
                Instant killedAt = Instant.now();
                node.kill();
                stop.set(true);
                for (Future<?> writer : running) {
                    writer.get(2, TimeUnit.MINUTES);
                }
                writers.shutdownNow();
                List<Ack> thisRound;
                synchronized (acknowledged) {
                    thisRound = List.copyOf(acknowledged.subList(before, acknowledged.size()));
                }
                long lastAckBeforeKill = thisRound.stream().map(Ack::answeredAt)
                        .filter(at -> !at.isAfter(killedAt)).mapToLong(at -> Duration.between(at, killedAt).toMillis())
                        .min().orElse(-1);

                node = AppNode.start("crash-" + round, Map.of(), work);
                List<Ack> all;
                synchronized (acknowledged) {
                    all = List.copyOf(acknowledged);
                }
                List<String> missing = missing(new Http(node.port()), all);
                String report = String.format("round %d: %d writes answered 201 this round (%d in all), %d requests cut"
                        + " off by the kill, last answer %d ms before the kill; after restart %d of %d found, "
                        + "missing %s", round, thisRound.size(), all.size(), failedInFlight.get(), lastAckBeforeKill,
                        all.size() - missing.size(), all.size(), missing);
                System.out.println("[crash] " + report);
                roundReports.add(report);
                assertThat(missing).as(report).isEmpty();
            }
        } finally {
            node.close();
            System.out.println("[crash] summary by kind: " + byKind());
            roundReports.forEach(r -> System.out.println("[crash] " + r));
            deleteQuietly(work);
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 20);
    }

    // --- the write stream

    private void write(Http http, int writer, int round, String incidentVersion, AtomicBoolean stop,
            AtomicInteger failedInFlight) {
        int kind = writer;
        while (!stop.get()) {
            int n = sequence.incrementAndGet();
            String marker = "crash-r" + round + "-w" + writer + "-n" + n;
            try {
                switch (kind++ % 5) {
                    case 0 -> risk(http, marker, round);
                    case 1 -> incident(http, marker, round, incidentVersion);
                    case 2 -> nonconformity(http, marker, round);
                    case 3 -> reading(http, marker, round, n);
                    default -> deployment(http, marker, round, n);
                }
            } catch (UncheckedIOException killed) {
                // The node died under this request: its outcome is unknown, and it was never acknowledged.
                failedInFlight.incrementAndGet();
                return;
            }
        }
    }

    private void risk(Http http, String marker, int round) {
        Http.Response created = as(http, "sam").post("/api/systems/" + SYSTEM + "/risks", Map.of(
                "lifecycleStage", "OPERATION_AND_MONITORING", "strideCategory", "TAMPERING", "title", marker,
                "description", "Written during a crash test", "likelihood", 2, "impact", 2));
        acknowledge("risk", created, id -> "/api/systems/" + SYSTEM + "/risks/" + id, marker, round);
    }

    private void incident(Http http, String marker, int round, String version) {
        Http.Response created = as(http, "mia").post("/api/incidents", Map.of("systemId", SYSTEM,
                "versionLabels", List.of(version), "type", "MODEL_DRIFT", "description", marker,
                "detectedAt", Instant.now().minusSeconds(60).toString()));
        acknowledge("incident", created, id -> "/api/incidents/" + id, marker, round);
    }

    private void nonconformity(Http http, String marker, int round) {
        Http.Response created = as(http, "alex").post("/api/nonconformities", Map.of("source", "INTERNAL_AUDIT",
                "requirement", "A.6.2.4", "description", marker));
        acknowledge("nonconformity", created, id -> "/api/nonconformities/" + id, marker, round);
    }

    private void reading(Http http, String marker, int round, int n) {
        // The value itself is the marker: 0.9 plus the write's sequence number in millionths.
        double value = 0.9 + n / 1_000_000.0;
        Http.Response created = as(http, "mia").post("/api/systems/" + SYSTEM + "/monitoring",
                Map.of("metric", "accuracy", "value", value));
        acknowledge("reading", created, id -> "/api/systems/" + SYSTEM + "/monitoring?size=500",
                "\"id\":" + idOf(created) + ",", round);
    }

    private void deployment(Http http, String marker, int round, int n) {
        String label = "9." + round + "." + n;
        Http.Response version = as(http, "olivia").post("/api/systems/" + SYSTEM + "/versions", Map.of(
                "versionLabel", label, "artifactSha256", sha(n)));
        acknowledge("version", version, id -> "/api/systems/" + SYSTEM + "/versions/" + label, label, round);
        Http.Response submitted = as(http, "olivia").post("/api/systems/" + SYSTEM + "/versions/" + label
                + "/deployment-requests", Map.of("note", marker));
        acknowledge("deployment-request", submitted, id -> "/api/deployment-requests/" + id, marker, round);
    }

    private void acknowledge(String kind, Http.Response response, java.util.function.LongFunction<String> check,
            String marker, int round) {
        assertThat(response.status()).as(kind + ": " + response.body()).isEqualTo(201);
        acknowledged.add(new Ack(kind, check.apply(idOf(response)), marker, Instant.now(), round));
    }

    private static long idOf(Http.Response response) {
        JsonNode id = response.json().path("id");
        assertThat(id.isIntegralNumber()).as(response.body()).isTrue();
        return id.asLong();
    }

    /** A version of the system for the incidents, so that suspending it touches nothing else the stream writes. */
    private String setUpIncidentVersion(Http http) {
        String label = "8.0.0-incidents";
        Http.Response version = as(http, "olivia").post("/api/systems/" + SYSTEM + "/versions",
                Map.of("versionLabel", label, "artifactSha256", sha(0)));
        assertThat(version.status()).as(version.body()).isEqualTo(201);
        return label;
    }

    // --- after the restart

    private static List<String> missing(Http http, List<Ack> all) {
        List<String> missing = new ArrayList<>();
        Map<String, String> cache = new HashMap<>();
        for (Ack ack : all) {
            String body = ack.kind().equals("reading") ? cache.computeIfAbsent(ack.check(), path -> get(http, path))
                    : get(http, ack.check());
            if (body == null || !body.contains(ack.marker())) {
                missing.add(ack.kind() + " " + ack.check() + " (" + ack.marker() + ", answered in round "
                        + ack.round() + ")");
            }
        }
        return missing;
    }

    private static String get(Http http, String path) {
        Http.Response response = as(http, "alex").get(path);
        return response.status() == 200 ? response.body() : null;
    }

    private Map<String, Long> byKind() {
        Map<String, Long> counts = new HashMap<>();
        synchronized (acknowledged) {
            acknowledged.forEach(ack -> counts.merge(ack.kind(), 1L, Long::sum));
        }
        return counts;
    }

    private void awaitAcknowledged(int count, Duration timeout, List<Future<?>> writers) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < count) {
            if (writers.stream().allMatch(Future::isDone)) {
                for (Future<?> writer : writers) {
                    writer.get(); // a writer that stopped early failed: its exception says why
                }
            }
            assertThat(Instant.now()).as("the write stream answers").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static Http.Caller as(Http http, String user) {
        return http.with("Basic " + Base64.getEncoder().encodeToString((user + ":" + DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static String sha(int n) {
        return String.format("%064x", n);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; nothing to do
        }
    }
}
