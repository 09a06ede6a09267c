package io.aimsgate.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.LoggerFactory;

/**
 * Diagnostics ({@code -Dbench.sql=true}): the SQL statements and transactions of one HTTP call, from the DEBUG logs of
 * the engine's MyBatis mappers (one logger per mapped statement, a "Parameters:" line per execution, batched ones
 * included), Hibernate ({@code org.hibernate.SQL}), Spring's {@code JdbcTemplate} and the JPA transaction manager
 * (every new transaction, REQUIRES_NEW ones included). Meant for one call at a time from one client: what the job
 * executor does meanwhile is counted too.
 */
final class StatementTrace implements AutoCloseable {

    private static final List<String> LOGGERS = List.of("org.camunda.bpm.engine.impl", "org.hibernate.SQL",
            "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.orm.jpa.JpaTransactionManager");

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Level> levels = new ArrayList<>();

    StatementTrace() {
        appender.start();
        for (String name : LOGGERS) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.add(logger.getLevel());
            logger.setAdditive(false);
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
        }
    }

    static boolean enabled() {
        return Boolean.getBoolean("bench.sql");
    }

    /** What was logged since the last call, as counts per statement and per transaction. */
    synchronized Summary take() {
        List<ILoggingEvent> events;
        synchronized (appender) {
            events = new ArrayList<>(appender.list);
            appender.list.clear();
        }
        Map<String, Integer> statements = new TreeMap<>();
        Map<String, Integer> transactions = new TreeMap<>();
        for (ILoggingEvent event : events) {
            String logger = event.getLoggerName();
            String message = event.getFormattedMessage();
            if (message == null) {
                continue;
            }
            if (logger.startsWith("org.camunda.bpm.engine.impl")) {
                if (message.contains("Parameters:")) {
                    statements.merge("mybatis " + logger.replace("org.camunda.bpm.engine.impl.", ""), 1, Integer::sum);
                }
            } else if (logger.equals("org.hibernate.SQL")) {
                statements.merge("jpa " + shorten(message), 1, Integer::sum);
            } else if (logger.startsWith("org.springframework.jdbc")) {
                // "Executing prepared SQL query" is followed by "Executing prepared SQL statement [...]": one each.
                if (message.startsWith("Executing") && message.contains("[")) {
                    statements.merge("jdbc " + shorten(message.replaceFirst("^Executing [^\\[]*\\[", "")), 1,
                            Integer::sum);
                }
            } else if (message.contains("creating new transaction") || message.startsWith("Creating new transaction")) {
                int at = message.indexOf("with name [");
                String name = at < 0 ? message : message.substring(at + 11, message.indexOf(']', at));
                transactions.merge((message.startsWith("Suspending") ? "REQUIRES_NEW " : "") + name, 1, Integer::sum);
            }
        }
        return new Summary(statements, transactions);
    }

    private static String shorten(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 110 ? flat.substring(0, 110) : flat;
    }

    record Summary(Map<String, Integer> statements, Map<String, Integer> transactions) {

        int statementCount() {
            return statements.values().stream().mapToInt(Integer::intValue).sum();
        }

        int transactionCount() {
            return transactions.values().stream().mapToInt(Integer::intValue).sum();
        }

        void print(String what) {
            System.out.printf("[bench] sql %s: %d statements, %d transactions begun%n", what, statementCount(),
                    transactionCount());
            transactions.forEach((name, n) -> System.out.printf("[bench] sql   tx %3d %s%n", n, name));
            statements.forEach((sql, n) -> System.out.printf("[bench] sql   %3d %s%n", n, sql));
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < LOGGERS.size(); i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS.get(i));
            logger.setLevel(levels.get(i));
            logger.detachAppender(appender);
            logger.setAdditive(true);
        }
        appender.stop();
    }
}
