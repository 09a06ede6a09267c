package io.aimsgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Keycloak server for the integration tests: the distribution unpacked by the {@code it} Maven profile,
 * started once per JVM on a free loopback port with the committed realm export imported, stopped by a
 * shutdown hook. Test users (one per RACI group) and a password-grant test client are created through the
 * admin REST API, so the committed realm stays free of users.
 */
public final class KeycloakTestServer {

    public static final String REALM = "aims-gate";
    public static final String WEBAPP_SECRET = "it-webapp-secret";
    public static final String IDENTITY_SECRET = "it-identity-secret";
    public static final String PIPELINE_SECRET = "it-pipeline-secret";
    public static final String TEST_CLIENT = "aims-gate-it";
    /** Tokens of this client live 2 seconds: for the expired-token checks. */
    public static final String SHORT_LIVED_CLIENT = "aims-gate-it-short";
    private static final String ADMIN = "kcadmin";
    private static final String ADMIN_PASSWORD = "kcadmin-it";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static KeycloakTestServer instance;

    private final String url;
    private final Process process;

    private KeycloakTestServer(String url, Process process) {
        this.url = url;
        this.process = process;
    }

    public static synchronized KeycloakTestServer get() {
        if (instance == null) {
            instance = start();
            instance.createTestClients();
        }
        return instance;
    }

    public String url() {
        return url;
    }

    public String issuer() {
        return url + "/realms/" + REALM;
    }

    /** Properties that point the keycloak profile at this server. */
    public Map<String, String> applicationProperties() {
        return Map.of(
                "aims.keycloak.url", url,
                "spring.security.oauth2.client.registration.keycloak.client-secret", WEBAPP_SECRET,
                "plugin.identity.keycloak.client-secret", IDENTITY_SECRET,
                "aims.security.keycloak.clock-skew", "0s");
    }

    private static KeycloakTestServer start() {
        String home = System.getProperty("aims.it.keycloak.home");
        String realm = System.getProperty("aims.it.keycloak.realm");
        if (home == null || realm == null) {
            throw new IllegalStateException("Run the integration tests with ./mvnw verify -Pit "
                    + "(it unpacks the Keycloak distribution and sets aims.it.keycloak.home)");
        }
        Path kcHome = Path.of(home);
        try {
            deleteRecursively(kcHome.resolve("data"));
            Path imports = Files.createDirectories(kcHome.resolve("data/import"));
            Files.copy(Path.of(realm), imports.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(kcHome.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(kcHome.resolveSibling("keycloak-it.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            env.put("AIMS_WEBAPP_CLIENT_SECRET", WEBAPP_SECRET);
            env.put("AIMS_IDENTITY_CLIENT_SECRET", IDENTITY_SECRET);
            env.put("AIMS_PIPELINE_CLIENT_SECRET", PIPELINE_SECRET);
            env.put("JAVA_HOME", System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", System.getProperty("java.home")));
            Process process = builder.start();
            KeycloakTestServer server = new KeycloakTestServer("http://127.0.0.1:" + port, process);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-stop"));
            server.awaitReady(Duration.ofMinutes(4));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + "; see target/keycloak/keycloak-it.log");
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(issuer() + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + timeout);
    }

    void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Creates (or finds) a realm user in the given groups; returns its password. */
    public synchronized String ensureUser(String username, String... groups) {
        String password = "It-" + username + "-pw1";
        List<String> paths = Stream.of(groups).map(g -> "/" + g).toList();
        HttpResponse<String> created = admin("POST", "/users", Map.of(
                "username", username, "enabled", true, "email", username + "@it.example", "emailVerified", true,
                "firstName", username, "lastName", "Tester", "groups", paths,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Creating user " + username + ": " + created.statusCode() + " "
                    + created.body());
        }
        return password;
    }

    /** A user's access token from the password-grant test client (or the short-lived one). */
    public String userToken(String username, String password, String clientId) {
        return token(Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password));
    }

    public String userToken(String username, String password) {
        return userToken(username, password, TEST_CLIENT);
    }

    /** The CI/CD pipeline client's token (client credentials, deployment-decision scope only). */
    public String pipelineToken() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "aims-gate-pipeline",
                "client_secret", PIPELINE_SECRET));
    }

    private String token(Map<String, String> form) {
        HttpResponse<String> response = post(issuer() + "/protocol/openid-connect/token", form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Token request failed: " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("access_token").asText();
    }

    private void createTestClients() {
        for (Map<String, Object> client : List.<Map<String, Object>>of(
                Map.of("clientId", TEST_CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false),
                Map.of("clientId", SHORT_LIVED_CLIENT, "publicClient", true, "directAccessGrantsEnabled", true,
                        "standardFlowEnabled", false, "attributes", Map.of("access.token.lifespan", "2")))) {
            HttpResponse<String> response = admin("POST", "/clients", client);
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("Creating client: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private HttpResponse<String> admin(String method, String path, Object body) {
        String adminToken = read(post(url + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD))
                .body()).path("access_token").asText();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> post(String uri, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
