package io.aimsgate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The benchmark's load driver: it reads answers whole, however they arrive, and counts them right. */
class HttpLoadTest {

    private static final String CHUNKED = "HTTP/1.1 409 \r\nContent-Type: application/problem+json\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n3;x=y\r\n1}\n\r\n0\r\n\r\n";
    private static final String SIZED = "HTTP/1.1 200 \r\nContent-Length: 15\r\nContent-Type: application/json\r\n\r\n"
            + "{\"status\":\"UP\"}";

    @Test
    void anAnswerIsWholeOnlyWithItsLastByteWhetherSizedOrChunked() {
        for (String text : List.of(SIZED, CHUNKED)) {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            for (int size = 0; size < bytes.length; size++) {
                assertThat(HttpLoad.Answer.parse(bytes, size)).as("%d of %d bytes", size, bytes.length).isNull();
            }
            HttpLoad.Answer whole = HttpLoad.Answer.parse(bytes, bytes.length);
            assertThat(whole).isNotNull();
            assertThat(whole.length()).isEqualTo(bytes.length);
            assertThat(whole.closeRequested()).isFalse();
        }
        assertThat(HttpLoad.Answer.parse(SIZED.getBytes(StandardCharsets.US_ASCII), SIZED.length()).status())
                .isEqualTo(200);
        assertThat(HttpLoad.Answer.parse(CHUNKED.getBytes(StandardCharsets.US_ASCII), CHUNKED.length()).status())
                .isEqualTo(409);
        String closing = "HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 0\r\n\r\n";
        assertThat(HttpLoad.Answer.parse(closing.getBytes(StandardCharsets.US_ASCII), closing.length()))
                .isEqualTo(new HttpLoad.Answer(closing.length(), 200, true));
    }

    /**
     * A server that answers each connection's requests in pieces (the head, then the body a byte at a time), the
     * expected status except every seventh, and closes each connection after three answers, as Tomcat does after its
     * keep-alive limit: every answer is counted once, by its status, and the closed connections are replaced.
     */
    @Test
    void eachAnswerIsCountedOnceAndAClosedConnectionIsReplaced() throws Exception {
        AtomicInteger served = new AtomicInteger();
        AtomicInteger connections = new AtomicInteger();
        ExecutorService server = Executors.newCachedThreadPool();
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            server.submit(() -> {
                while (!socket.isClosed()) {
                    Socket client;
                    try {
                        client = socket.accept();
                    } catch (IOException closed) {
                        return null;
                    }
                    connections.incrementAndGet();
                    server.submit(() -> serve(client, served));
                }
                return null;
            });
            byte[] request = "GET /x HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            HttpLoad.Outcome outcome = HttpLoad.run(socket.getLocalPort(), request, 200, 4,
                    System.nanoTime() + 300_000_000L);

            assertThat(outcome.requests()).isEqualTo(served.get()).isEqualTo(outcome.latencies().count());
            assertThat(outcome.requests()).isGreaterThan(8);
            assertThat(outcome.other()).isEqualTo(served.get() / 7);
            assertThat(outcome.ok()).isEqualTo(served.get() - served.get() / 7);
            assertThat(outcome.firstOther()).isEqualTo("503");
            assertThat(connections.get()).isGreaterThan(4);
        } finally {
            server.shutdownNow();
            server.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Void serve(Socket client, AtomicInteger served) throws IOException {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                    StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            for (int answer = 1; answer <= 3; answer++) {
                List<String> head = new ArrayList<>();
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    head.add(line);
                }
                if (head.isEmpty()) {
                    return null;
                }
                int number = served.incrementAndGet();
                String body = "{\"n\":" + number + "}";
                out.write(("HTTP/1.1 " + (number % 7 == 0 ? "503" : "200") + " \r\nContent-Length: " + body.length()
                        + (answer == 3 ? "\r\nConnection: close" : "") + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (byte b : body.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                }
            }
        }
        return null;
    }
}
