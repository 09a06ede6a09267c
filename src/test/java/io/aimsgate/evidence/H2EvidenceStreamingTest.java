package io.aimsgate.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Uploads and downloads stream: a 25 MB round trip over real HTTP (server and client in this JVM) never allocates a
 * buffer anywhere near the file's size. Not a timing test: Java Flight Recorder reports every allocation made outside
 * a thread-local buffer (which is where any large array goes), and the largest one must stay below
 * {@value #LARGEST_ALLOWED} bytes, a few times the database store's 1 MiB chunk and a sixth of the file. That the
 * recording sees large arrays at all is checked too: the chunk buffers (1 MiB) must be among them.
 */
@H2DemoApp
class H2EvidenceStreamingTest {

    static final int FILE_BYTES = 25 * 1000 * 1000 - 1024; // just under the default limit of 25 MB
    static final long LARGEST_ALLOWED = 4L << 20;

    @LocalServerPort
    int port;

    @TempDir
    Path temp;

    @Test
    void a25MegabyteRoundTripNeverAllocatesABufferOfTheFilesSize() throws Exception {
        Path file = temp.resolve("test-results.pdf");
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] block = new byte[64 * 1024];
            Random random = new Random(16);
            byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1);
            for (int done = 0; done < FILE_BYTES; done += block.length) {
                random.nextBytes(block);
                if (done == 0) {
                    System.arraycopy(header, 0, block, 0, header.length);
                }
                int length = Math.min(block.length, FILE_BYTES - done);
                out.write(block, 0, length);
                written.update(block, 0, length);
            }
        }
        String sha256 = HexFormat.of().formatHex(written.digest());
        Api api = new Api(port);
        long system = api.as("olivia").post("/api/systems", Map.of("name", "Streaming " + System.nanoTime(),
                "intendedUse", "Measures evidence streaming.", "aiType", "PREDICTIVE", "businessOwner", "olivia",
                "businessUnit", "QA", "supplierType", "IN_HOUSE", "euAiActTier", "MINIMAL", "dataCategories",
                List.of("none"), "processesPersonalData", false)).expect(201).json().get("id").asLong();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("mia:" + Api.DEMO_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));

        Path recorded = temp.resolve("allocations.jfr");
        JsonNode stored;
        String downloaded;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
            recording.start();
            HttpResponse<String> upload = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/evidence?subjectType=SYSTEM&subjectId=" + system + "&kind=TEST_RESULTS&fileName="
                    + "test-results.pdf")).header("Authorization", basic).header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
            stored = new ObjectMapper().readTree(upload.body());
            HttpResponse<InputStream> download = client.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + port + stored.get("contentUrl").asText())).header("Authorization", basic).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            MessageDigest read = MessageDigest.getInstance("SHA-256");
            try (InputStream in = download.body()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    read.update(buffer, 0, n);
                }
            }
            downloaded = HexFormat.of().formatHex(read.digest());
            recording.stop();
            recording.dump(recorded);
        }
        assertThat(stored.get("size").asLong()).isEqualTo(FILE_BYTES);
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256);
        assertThat(downloaded).isEqualTo(sha256);

        List<RecordedEvent> allocations = RecordingFile.readAllEvents(recorded).stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ObjectAllocationOutsideTLAB"))
                .sorted(Comparator.comparingLong((RecordedEvent e) -> e.getLong("allocationSize")).reversed())
                .toList();
        assertThat(allocations).as("allocations recorded outside TLABs").isNotEmpty();
        RecordedEvent largest = allocations.get(0);
        System.out.println("Evidence streaming: largest allocation during the round trip: " + describe(largest)
                + "; allocations outside TLABs: " + allocations.size() + ", " + allocations.stream()
                        .mapToLong(e -> e.getLong("allocationSize")).sum() + " bytes");
        // The recording does see large arrays: the database store's 1 MiB chunk buffers are among them.
        assertThat(largest.getLong("allocationSize")).as("largest: %s", describe(largest))
                .isGreaterThanOrEqualTo(DatabaseEvidenceStorage.CHUNK_BYTES);
        assertThat(largest.getLong("allocationSize")).as("the largest allocation during a %d-byte round trip: %s",
                FILE_BYTES, describe(largest)).isLessThan(LARGEST_ALLOWED);
    }

    private static String describe(RecordedEvent event) {
        String where = event.getStackTrace() == null ? "no stack" : event.getStackTrace().getFrames().stream()
                .limit(8).map(RecordedFrame::getMethod).map(m -> m.getType().getName() + "." + m.getName())
                .collect(Collectors.joining(" < "));
        return event.getLong("allocationSize") + " bytes of " + event.getClass("objectClass").getName() + " at "
                + where;
    }
}
