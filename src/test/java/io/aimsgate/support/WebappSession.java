package io.aimsgate.support;

import io.aimsgate.support.Api.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser-like session with the Camunda webapps: cookies (session, XSRF token) and the {@code X-XSRF-TOKEN} header
 * their CSRF filter expects, logged in through the webapps' own login form.
 */
public final class WebappSession {

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in to Tasklist as the given user; fails unless the webapp accepted the login. */
    public static WebappSession login(int port, String userId, String password) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null).expect(200);
        String form = "username=" + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        session.send("POST", "/camunda/api/admin/auth/user/default/login/tasklist", form,
                "application/x-www-form-urlencoded").expect(200);
        // The login starts a new HTTP session; its first GET hands out the new session's XSRF token.
        session.send("GET", "/camunda/api/admin/auth/user/default", null, null).expect(200);
        return session;
    }

    /** A session that has not logged in (it still carries the webapps' XSRF cookie once it made a GET). */
    public static WebappSession anonymous(int port) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/tasklist/default/", null, null).expect(200);
        return session;
    }

    /** Any method; a body is sent as JSON. */
    public Response request(String method, String path, String json) {
        return send(method, path, json, json == null ? null : "application/json");
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** Raw bytes (an upload), with or without the session's {@code X-XSRF-TOKEN} header. */
    public Response sendBytes(String method, String path, byte[] body, String contentType, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        String token = xsrfToken();
        if (withCsrfToken && token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, text/html")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String token = xsrfToken();
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(method, path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }
}
