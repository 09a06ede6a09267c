package io.aimsgate.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * Diagnostics ({@code -Dbench.explain=true}): captures the SQL the engine's MyBatis mappers run for one call (their
 * DEBUG log: "Preparing:" and "Parameters:"), inlines the parameters and prints PostgreSQL's EXPLAIN ANALYZE.
 */
final class SqlCapture {

    private SqlCapture() {
    }

    static boolean enabled() {
        return Boolean.getBoolean("bench.explain");
    }

    static <T> T explain(BenchApp app, String loggerName, Supplier<T> call) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level level = logger.getLevel();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        T result;
        try {
            result = call.get();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }
        String sql = null;
        for (ILoggingEvent event : appender.list) {
            String message = event.getFormattedMessage();
            if (message.contains("Preparing:")) {
                sql = message.substring(message.indexOf("Preparing:") + 10).strip();
            } else if (message.contains("Parameters:") && sql != null) {
                explain(app, inline(sql, message.substring(message.indexOf("Parameters:") + 11)));
                sql = null;
            }
        }
        return result;
    }

    private static String inline(String sql, String parameters) {
        List<String> values = new ArrayList<>();
        for (String parameter : parameters.split(", (?=[^,]*\\()")) {
            String p = parameter.strip();
            if (p.isEmpty()) {
                continue;
            }
            int open = p.lastIndexOf('(');
            String value = open > 0 ? p.substring(0, open) : p;
            String type = open > 0 ? p.substring(open + 1, p.length() - 1) : "String";
            values.add(p.equals("null") ? "NULL" : type.equals("String") ? "'" + value.replace("'", "''") + "'" : value);
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            out.append(c == '?' && next < values.size() ? values.get(next++) : String.valueOf(c));
        }
        return out.toString();
    }

    private static void explain(BenchApp app, String sql) {
        System.out.println("[bench] SQL: " + sql);
        try (Connection connection = app.dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            while (rs.next()) {
                System.out.println("[bench] plan: " + rs.getString(1));
            }
        } catch (Exception e) {
            System.out.println("[bench] EXPLAIN failed: " + e.getMessage());
        }
    }
}
