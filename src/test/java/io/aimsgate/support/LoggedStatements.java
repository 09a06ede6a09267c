package io.aimsgate.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The SQL a test's code sends, as the data access libraries log it at DEBUG ({@code org.hibernate.SQL},
 * {@code org.springframework.jdbc.core.JdbcTemplate}, MyBatis' mappers), for tests that pin how often something is
 * read: {@code @RegisterExtension LoggedStatements sql = new LoggedStatements("org.hibernate.SQL")}. The loggers are
 * set to DEBUG for each test and set back after it. Statements logged on other threads (an HTTP call's) are kept too.
 */
public final class LoggedStatements implements BeforeEachCallback, AfterEachCallback {

    private final List<String> loggerNames;
    private final List<Level> levels = new ArrayList<>();
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    public LoggedStatements(String... loggerNames) {
        this.loggerNames = List.of(loggerNames);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.list.clear();
        appender.start();
        levels.clear();
        for (String name : loggerNames) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            levels.add(logger.getLevel());
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = 0; i < loggerNames.size(); i++) {
            Logger logger = (Logger) LoggerFactory.getLogger(loggerNames.get(i));
            logger.detachAppender(appender);
            logger.setLevel(levels.get(i));
        }
        appender.stop();
    }

    /** What was logged since the test began or since {@link #clear}, in order. */
    public List<String> messages() {
        synchronized (appender) { // appends from other threads (an HTTP call's) hold the appender's lock
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    /** What was logged since the test began or since the last {@link #clear} or take, and forgets it, at once. */
    public List<String> take() {
        synchronized (appender) {
            List<String> taken = messages();
            appender.list.clear();
            return taken;
        }
    }

    /** Forgets what was logged so far. */
    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }
}
