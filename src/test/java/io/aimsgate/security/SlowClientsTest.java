package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.WebappSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 300 slow clients cannot starve the server: each opens a connection without credentials, announces a 100 kB body
 * and sends one byte of it (the outage: every request waited up to a minute). Refusals come at once and close
 * the connection; the webapps' login form, which must read an anonymous body, is limited in concurrency; meanwhile
 * authenticated requests are answered within a second. Loopback, bounded in count and time, closes everything.
 */
@H2DemoApp
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;
    private static final int ANNOUNCED = 100_000;
    private static final Duration BOUND = Duration.ofSeconds(1);

    @LocalServerPort
    int port;

    /** Where the slow clients go: both APIs (one with wrong credentials), the webapps' engine API and login form. */
    private List<String> slowRequestHeads(String loginCookies, String xsrfToken) {
        return requestHeads(SLOW_CLIENTS, ANNOUNCED, loginCookies, xsrfToken);
    }

    private static List<String> requestHeads(int count, int announced, String loginCookies, String xsrfToken) {
        List<String> heads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String head = switch (i % 6) {
                case 0 -> post("/api/systems", "application/json", "", announced);
                case 1 -> post("/api/systems/2/risks", "application/json", "Authorization: Basic bm9ib2R5Om5vcGU=\r\n",
                        announced);
                case 2 -> post("/engine-rest/task/some-task/complete", "application/json", "", announced);
                case 3 -> post("/camunda/api/engine/engine/default/task", "application/json", "", announced);
                case 4 -> post("/camunda/api/admin/auth/user/default/login/tasklist",
                        "application/x-www-form-urlencoded", "Cookie: " + loginCookies + "\r\nX-XSRF-TOKEN: "
                                + xsrfToken + "\r\n", announced);
                default -> post("/engine-rest/process-definition/key/deployment-approval/start", "application/json",
                        "", announced);
            };
            heads.add(head);
        }
        return heads;
    }

    private static String post(String path, String contentType, String headers) {
        return post(path, contentType, headers, ANNOUNCED);
    }

    private static String post(String path, String contentType, String headers, int announced) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + announced + "\r\n" + (announced < ANNOUNCED ? "Connection: close\r\n" : "") + headers + "\r\n";
    }

    @Test
    void threeHundredSlowAnonymousClientsLeaveAuthenticatedRequestsAnsweredWithinASecond() throws Exception {
        Api api = new Api(port);
        Api.Caller mia = api.as("mia");
        // Warm up both paths (credential cache, JIT) so the measurement is of the server, not of first use.
        for (int i = 0; i < 5; i++) {
            mia.get("/api/systems/2").expect(200);
            try (Socket refused = openSlow(post("/api/systems", "application/json", ""))) {
                assertThat(answerOf(refused, false)).isEqualTo("401 closed");
            }
        }
        String[] login = webappLoginSession();
        // ... and each kind of request the slow clients send, once complete (one-byte body), so that what the webapps
        // initialise on first use is done.
        for (String head : requestHeads(6, 1, login[0], login[1])) {
            try (Socket complete = openSlow(head)) {
                assertThat(answerOf(complete, false)).doesNotStartWith("none");
            }
        }
        List<Socket> slow = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = new ArrayList<>();
        ExecutorService opener = Executors.newSingleThreadExecutor();
        try {
            List<String> heads = slowRequestHeads(login[0], login[1]);
            // The slow clients arrive in waves of 10 (every 50 ms) while authenticated requests are being measured.
            Future<?> opening = opener.submit(() -> {
                for (int i = 0; i < heads.size(); i++) {
                    slow.add(openSlow(heads.get(i)));
                    if (i % 10 == 9) {
                        Thread.sleep(50);
                    }
                }
                return null;
            });
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!opening.isDone() && System.nanoTime() < until) {
                latencies.add(timed(() -> mia.get("/api/systems/2").expect(200)));
            }
            opening.get(60, TimeUnit.SECONDS);
            // All 300 are connected; now the authenticated requests that the outage used to hold up.
            for (int i = 0; i < 30; i++) {
                latencies.add(timed(() -> mia.get("/api/systems/2").expect(200)));
                latencies.add(timed(() -> mia.get("/api/systems/2/risks?size=5").expect(200)));
            }

            // Read what each slow client got, 32 at a time (each read is bounded: 2 s, 200 ms on the login form).
            Map<String, Integer> answers = new HashMap<>();
            ExecutorService readers = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> read = new ArrayList<>();
                for (int i = 0; i < slow.size(); i++) {
                    Socket socket = slow.get(i);
                    boolean loginForm = i % 6 == 4;
                    read.add(readers.submit(() -> answerOf(socket, loginForm)));
                }
                for (Future<String> answer : read) {
                    answers.merge(answer.get(30, TimeUnit.SECONDS), 1, Integer::sum);
                }
            } finally {
                readers.shutdownNow();
            }
            long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("[slow-clients] %d slow connections, answers %s; %d authenticated requests, worst %d ms,"
                    + " median %d ms; in order: %s%n", slow.size(), answers, latencies.size(), worst, median(latencies),
                    latencies);

            assertThat(slow).hasSize(SLOW_CLIENTS);
            assertThat(latencies).hasSizeGreaterThanOrEqualTo(60);
            assertThat(worst).as("worst latency (ms) of an authenticated request").isLessThan(BOUND.toMillis());
            // Every anonymous client of the APIs and the webapps' engine API was refused without its body (401),
            // its connection closed.
            assertThat(answers.getOrDefault("401 closed", 0)).as(answers.toString()).isEqualTo(SLOW_CLIENTS * 5 / 6);
            // The login form's slow clients: a bounded number are being read, the rest refused with 503 at once.
            int loginClients = SLOW_CLIENTS / 6;
            int beingRead = answers.getOrDefault("still reading", 0);
            assertThat(beingRead).as(answers.toString()).isLessThanOrEqualTo(16);
            assertThat(answers.getOrDefault("503 closed", 0)).as(answers.toString())
                    .isEqualTo(loginClients - beingRead);
        } finally {
            opener.shutdownNow();
            synchronized (slow) {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
        // Once the slow clients are gone (their reads end as their connections close), the login form works again.
        assertThat(loginsAgainWithin(Duration.ofSeconds(10))).isTrue();
    }

    private boolean loginsAgainWithin(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            try {
                WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
                return true;
            } catch (AssertionError stillBusy) {
                Thread.sleep(100);
            }
        }
        return false;
    }

    private Socket openSlow(String head) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write('{');
        out.flush();
        return socket;
    }

    /**
     * The status line and whether the server then closed the connection ("closed"), or "still reading" if no answer
     * came (only allowed for the login form, which reads its anonymous body).
     */
    private static String answerOf(Socket socket, boolean mayStillBeRead) throws IOException {
        socket.setSoTimeout(mayStillBeRead ? 200 : 2_000);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        StringBuilder received = new StringBuilder();
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException stillOpen) {
            if (received.isEmpty() && mayStillBeRead) {
                return "still reading";
            }
            return statusOf(received) + " open";
        } catch (IOException reset) {
            return statusOf(received) + " reset";
        }
        return statusOf(received) + " closed";
    }

    private static String statusOf(CharSequence received) {
        String text = received.toString();
        return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? text.substring(9, 12) : "none";
    }

    /** A browser's first visit to Tasklist: the session cookie and XSRF token its login form needs. */
    private String[] webappLoginSession() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/camunda/app/tasklist/default/"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        String header = String.join("; ", cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
                .toList());
        String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
        return new String[] {header, token};
    }

    private static long timed(Runnable request) {
        long start = System.nanoTime();
        request.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
