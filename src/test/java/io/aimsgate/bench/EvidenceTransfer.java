package io.aimsgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Evidence over HTTP: a model card of each of {@code bench.evidence.sizes} MB (10^6 bytes; a PDF, random content
 * after its header) uploaded to a model version with {@code POST /api/evidence} (the body is the file, streamed; the
 * endpoint takes no multipart) as mia (ml-engineers), and downloaded again from the revision's content URL, its
 * SHA-256 checked against the one the upload answered. The deployment gate requires a model card of every version
 * it approves, so this is the upload a team makes before every deployment.
 *
 * <p>Memory, first: one round trip per size while Java Flight Recorder records every allocation made outside a
 * thread-local allocation buffer (where every large array goes) and the JVM counts the bytes each server thread
 * allocates ({@code com.sun.management.ThreadMXBean}). The application runs in this JVM, so both are read for the
 * server's request threads ({@code http-nio-*}) alone. A server that held the file would allocate at least the
 * file's size in one piece; streaming shows as a largest allocation that stays the same whatever the size, and
 * allocated bytes per MB that do not grow with it. Then timing: {@code bench.evidence.samples} uploads and downloads
 * of the {@code bench.evidence.timed}-MB file, after one warm-up of each.
 */
final class EvidenceTransfer {

    private static final long MB = 1_000_000L;

    private final BenchApp app;
    private final Settings settings;
    private final Report report;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String mia = HttpCaller.basic("mia", "demo");
    private long versionId;

    EvidenceTransfer(BenchApp app, Settings settings, Report report) {
        this.app = app;
        this.settings = settings;
        this.report = report;
    }

    /** The largest evidence size in bytes the run needs the application to accept (its limit is raised to it). */
    static long largestBytes(Settings settings) {
        return settings.evidenceSizes().stream().mapToLong(Integer::longValue).max().orElse(0) * MB;
    }

    record Transfer(long bytes, long uploadNanos, long downloadNanos, String url) {
    }

    void run() throws Exception {
        InventoryService inventory = app.bean(InventoryService.class);
        AiSystem system = inventory.createSystem(new SystemDetails("Evidence bench system",
                "Benchmark system for evidence uploads.", AiType.PREDICTIVE, "olivia", "Benchmark",
                SupplierType.IN_HOUSE, null, EuAiActTier.HIGH, List.of("none"), false), LifecycleStage.INCEPTION,
                "olivia");
        versionId = inventory.registerVersion(system.getId(), "evidence-bench-1", "cd".repeat(32), "mia").getId();
        Path directory = Files.createTempDirectory("aims-bench-evidence");
        try {
            memory(directory);
            timing(directory);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    private void memory(Path directory) throws Exception {
        transfer(file(directory, 1), "warm-up.pdf"); // class loading, JIT, first chunk statements
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        StringBuilder largestBySize = new StringBuilder();
        StringBuilder perMbBySize = new StringBuilder();
        double largestOfAll = 0;
        for (int size : settings.evidenceSizes()) {
            Path file = file(directory, size);
            Path recorded = directory.resolve("allocations-" + size + ".jfr");
            java.util.Map<Long, Long> before = allocatedByServerThread(threads);
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
                recording.start();
                transfer(file, "model-card-" + size + "mb.pdf");
                recording.stop();
                recording.dump(recorded);
            }
            // Threads that started during the transfer count from zero; one that ended (Tomcat retires idle threads)
            // served nothing in it.
            long allocated = 0;
            for (var thread : allocatedByServerThread(threads).entrySet()) {
                allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
            }
            List<RecordedEvent> server = RecordingFile.readAllEvents(recorded).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ObjectAllocationOutsideTLAB"))
                    .filter(e -> e.getThread() != null && e.getThread().getJavaName() != null
                            && e.getThread().getJavaName().startsWith("http-nio-"))
                    .sorted(Comparator.comparingLong((RecordedEvent e) -> e.getLong("allocationSize")).reversed())
                    .toList();
            Files.deleteIfExists(recorded);
            Files.deleteIfExists(file);
            if (server.isEmpty()) {
                throw new IllegalStateException("the recording saw no allocation of the server's threads during a "
                        + size + " MB round trip: the measurement would prove nothing");
            }
            RecordedEvent largest = server.get(0);
            double largestMib = largest.getLong("allocationSize") / (double) (1 << 20);
            largestOfAll = Math.max(largestOfAll, largestMib);
            report.note(String.format("Evidence, %d MB round trip: largest allocation of the server's threads %s; "
                    + "%,d allocations outside TLABs by them, %,d bytes", size, describe(largest), server.size(),
                    server.stream().mapToLong(e -> e.getLong("allocationSize")).sum()));
            largestBySize.append(largestBySize.length() == 0 ? "" : " / ").append(String.format("%.2f", largestMib));
            perMbBySize.append(perMbBySize.length() == 0 ? "" : " / ").append(String.format("%.0f (%.1f)",
                    allocated / (double) (1 << 20), allocated / (double) (1 << 20) / size));
        }
        String sizes = settings.evidenceSizes().stream().map(String::valueOf).collect(Collectors.joining(" / "));
        report.row("Evidence", String.format("streaming: the largest single allocation by the server's request threads "
                + "during an upload and download of %s MB (JFR, allocations outside TLABs): MiB", sizes),
                largestBySize.toString(), "flat (not growing with the file)");
        report.row("Evidence", String.format("streaming: bytes the server's request threads allocated in all during "
                + "the upload and download of %s MB (short-lived buffers, ThreadMXBean): MiB (MiB per MB of file)", sizes),
                perMbBySize.toString(), "");
        report.history().figure("evidence_largest_alloc_mib", largestOfAll);
    }

    private void timing(Path directory) throws Exception {
        int size = settings.evidenceTimedSize();
        int samples = settings.evidenceSamples();
        Path file = file(directory, size);
        transfer(file, "timed-warm-up.pdf");
        Latencies up = new Latencies();
        Latencies down = new Latencies();
        long bytes = size * MB;
        for (int i = 0; i < samples; i++) {
            Transfer t = transfer(file, "timed-" + i + ".pdf");
            up.add(t.uploadNanos);
            down.add(t.downloadNanos);
        }
        double upRate = bytes / MB / (up.percentileMs(50) / 1000);
        double downRate = bytes / MB / (down.percentileMs(50) / 1000);
        report.row("Evidence", String.format("POST /api/evidence, a %d MB model card of a model version, as mia, "
                + "%d samples after 1 warm-up: MB/s at p50; p50 / p95 ms", size, samples),
                String.format("%.1f MB/s; %s", upRate, up.summary5095()), "");
        report.row("Evidence", String.format("GET its content (SHA-256 checked), %d samples: MB/s at p50; p50 / p95 ms",
                samples), String.format("%.1f MB/s; %s", downRate, down.summary5095()), "");
        report.history().figure("evidence_upload_mb_s", upRate);
        report.history().figure("evidence_download_mb_s", downRate);
    }

    /** Uploads the file as a new revision, downloads it, checks size and SHA-256 both ways; fails loudly otherwise. */
    private Transfer transfer(Path file, String fileName) throws Exception {
        String sha256 = sha256(file);
        long size = Files.size(file);
        long t0 = System.nanoTime();
        HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create(base() + "/api/evidence"
                + "?subjectType=MODEL_VERSION&subjectId=" + versionId + "&kind=MODEL_CARD&fileName=" + fileName))
                .timeout(Duration.ofMinutes(10)).header("Authorization", mia).header("Content-Type", "application/pdf")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        long t1 = System.nanoTime();
        if (upload.statusCode() != 201) {
            throw new IllegalStateException("upload of " + size + " bytes answered " + upload.statusCode() + ": "
                    + upload.body());
        }
        JsonNode stored = HttpCaller.JSON.readTree(upload.body());
        if (stored.path("size").asLong() != size || !sha256.equals(stored.path("sha256").asText())) {
            throw new IllegalStateException("the upload was stored as " + upload.body() + ", not " + size + " bytes "
                    + sha256);
        }
        String url = stored.path("contentUrl").asText();
        long t2 = System.nanoTime();
        HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(URI.create(base() + url))
                .timeout(Duration.ofMinutes(10)).header("Authorization", mia).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest read = MessageDigest.getInstance("SHA-256");
        long received = 0;
        try (InputStream in = download.body()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                read.update(buffer, 0, n);
                received += n;
            }
        }
        long t3 = System.nanoTime();
        if (download.statusCode() != 200 || received != size || !sha256.equals(HexFormat.of().formatHex(read.digest()))) {
            throw new IllegalStateException("download of " + url + " answered " + download.statusCode() + " with "
                    + received + " bytes, not the " + size + " uploaded (or another SHA-256)");
        }
        return new Transfer(size, t1 - t0, t3 - t2, url);
    }

    private String base() {
        return "http://127.0.0.1:" + app.port;
    }

    /** A PDF of {@code mb} x 10^6 bytes: the header the content inspection recognises, random bytes after it. */
    private static Path file(Path directory, int mb) throws IOException {
        Path file = directory.resolve("evidence-" + mb + "mb.pdf");
        if (Files.exists(file)) {
            return file;
        }
        long total = mb * MB;
        byte[] block = new byte[64 * 1024];
        Random random = new Random(mb);
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < total; done += block.length) {
                random.nextBytes(block);
                if (done == 0) {
                    System.arraycopy(header, 0, block, 0, header.length);
                }
                out.write(block, 0, (int) Math.min(block.length, total - done));
            }
        }
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bytes allocated so far by each of the server's threads (Tomcat's {@code http-nio-<port>-*}), by thread id. */
    private static java.util.Map<Long, Long> allocatedByServerThread(com.sun.management.ThreadMXBean threads) {
        java.util.Map<Long, Long> allocated = new java.util.HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("http-nio-")) {
                long bytes = threads.getThreadAllocatedBytes(thread.getId());
                if (bytes >= 0) {
                    allocated.put(thread.getId(), bytes);
                }
            }
        }
        return allocated;
    }

    private static String describe(RecordedEvent event) {
        String where = event.getStackTrace() == null ? "no stack" : event.getStackTrace().getFrames().stream()
                .limit(4).map(RecordedFrame::getMethod).map(m -> m.getType().getName() + "." + m.getName())
                .collect(Collectors.joining(" < "));
        return String.format("%,d bytes of %s at %s", event.getLong("allocationSize"),
                event.getClass("objectClass").getName(), where);
    }
}
