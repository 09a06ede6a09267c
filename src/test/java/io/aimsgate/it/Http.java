package io.aimsgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the integration tests: every call goes over loopback to the running application. */
final class Http {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A caller identified by an Authorization header value, or none (null). */
    Caller with(String authorization) {
        return new Caller(authorization);
    }

    Caller bearer(String token) {
        return new Caller("Bearer " + token);
    }

    record Response(int status, String body, String contentType) {

        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    final class Caller {

        private final String authorization;

        private Caller(String authorization) {
            this.authorization = authorization;
        }

        Response get(String path) {
            return send("GET", path, null);
        }

        Response post(String path, Object body) {
            return send("POST", path, body);
        }

        Response send(String method, String path, Object body) {
            try {
                String text = body == null ? null : body instanceof String s ? s : MAPPER.writeValueAsString(body);
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(60)).header("Accept", "application/json, application/problem+json")
                        .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
                if (text != null) {
                    request.header("Content-Type", "application/json");
                }
                if (authorization != null) {
                    request.header("Authorization", authorization);
                }
                HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body(),
                        response.headers().firstValue("Content-Type").orElse(""));
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
