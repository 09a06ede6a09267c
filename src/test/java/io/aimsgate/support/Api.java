package io.aimsgate.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A real HTTP client (the JDK's) against the application on {@code http://localhost:{port}}: every call goes
 * through Tomcat, the security filter chains, the engine REST API and the controllers exactly as a browser,
 * a pipeline or a reviewer's tool would call them.
 */
public final class Api {

    /** Password of every demo user (application-demo.yml, {@code aims.demo.password}). */
    public static final String DEMO_PASSWORD = "demo";
    /** Password of the demo administrator {@code admin}. */
    public static final String ADMIN_PASSWORD = "admin";

    public static final String PROBLEM_JSON = "application/problem+json";

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A demo user with the demo password ({@code admin} with its own). */
    public Caller as(String userId) {
        return new Caller(userId, "admin".equals(userId) ? ADMIN_PASSWORD : DEMO_PASSWORD);
    }

    public Caller as(String userId, String password) {
        return new Caller(userId, password);
    }

    /** No Authorization header at all. */
    public Caller anonymous() {
        return new Caller(null, null);
    }

    public static String json(Object body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One identity calling the API. */
    public final class Caller {

        private final String userId;
        private final String password;

        private Caller(String userId, String password) {
            this.userId = userId;
            this.password = password;
        }

        public String userId() {
            return userId;
        }

        public Response get(String path) {
            return send("GET", path, null, null);
        }

        public Response delete(String path) {
            return send("DELETE", path, null, null);
        }

        /** The body is sent as is when it is a String, else serialised to JSON. */
        public Response post(String path, Object body) {
            return send("POST", path, body, "application/json");
        }

        public Response put(String path, Object body) {
            return send("PUT", path, body, "application/json");
        }

        public Response patch(String path, Object body) {
            return send("PATCH", path, body, "application/json");
        }

        /** A GET accepting the given media types, e.g. Prometheus's {@code text/plain}. */
        public Response get(String path, String accept) {
            return send("GET", path, null, null, accept);
        }

        public Response send(String method, String path, Object body, String contentType) {
            return send(method, path, body, contentType, "application/json, application/problem+json");
        }

        private Response send(String method, String path, Object body, String contentType, String accept) {
            String text = body == null ? null : body instanceof String s ? s : json(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Accept", accept)
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            if (contentType != null && text != null) {
                request.header("Content-Type", contentType);
            }
            if (userId != null) {
                String token = Base64.getEncoder()
                        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8));
                request.header("Authorization", "Basic " + token);
            }
            try {
                HttpResponse<String> response = CLIENT.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(method, path, response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(method + " " + path + " interrupted", e);
            }
        }

        /** A raw body (a file upload) with the given Content-Type, or none when it is null. */
        public Response sendBytes(String method, String path, byte[] body, String contentType) {
            HttpRequest.Builder request = authorised(HttpRequest.newBuilder(URI.create(base + path)))
                    .timeout(Duration.ofSeconds(120))
                    .header("Accept", "application/json, application/problem+json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, path, response.statusCode(), response.headers(), response.body());
        }

        /** A download: the body as bytes, with the response's status and headers. */
        public HttpResponse<byte[]> download(String path) {
            return exchange(authorised(HttpRequest.newBuilder(URI.create(base + path))).timeout(Duration.ofSeconds(120))
                    .GET(), HttpResponse.BodyHandlers.ofByteArray());
        }

        private HttpRequest.Builder authorised(HttpRequest.Builder request) {
            if (userId != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            return request;
        }

        private <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
            try {
                return CLIENT.send(request.build(), handler);
            } catch (IOException e) {
                throw new UncheckedIOException("request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("request interrupted", e);
            }
        }

        @Override
        public String toString() {
            return userId == null ? "anonymous" : userId;
        }
    }

    /** What came back; {@link #expect(int)} fails with the whole exchange in the message. */
    public record Response(String method, String path, int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("Not JSON: " + this, e);
            }
        }

        public Response expect(int expected) {
            if (status != expected) {
                throw new AssertionError("Expected " + expected + " but got " + this);
            }
            return this;
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public boolean isProblem() {
            return contentType().startsWith(PROBLEM_JSON);
        }

        /** The field a problem names: its {@code field} and every {@code errors[].field}. */
        public List<String> problemFields() {
            JsonNode problem = json();
            List<String> fields = new ArrayList<>();
            if (problem.hasNonNull("field")) {
                fields.add(problem.get("field").asText());
            }
            problem.path("errors").forEach(error -> {
                if (error.hasNonNull("field")) {
                    fields.add(error.get("field").asText());
                }
            });
            return fields;
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return method + " " + path + " -> " + status + " [" + contentType() + "] " + shown;
        }
    }
}
