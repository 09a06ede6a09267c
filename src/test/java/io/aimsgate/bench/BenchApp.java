package io.aimsgate.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.aimsgate.AimsGateApplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import io.aimsgate.raci.RaciGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AIMS Gate started in this JVM with the production profile {@code postgres} on a fresh PostgreSQL database (its
 * settings as command-line arguments, which win over the profile's environment defaults), a random loopback port,
 * full history and engine authorisation as configured. The demo profile is not used (it refuses postgres): the
 * benchmark creates the few users it drives, with the demo users' names, groups and password.
 */
final class BenchApp implements AutoCloseable {

    final ConfigurableApplicationContext context;
    final int port;
    final HikariDataSource dataSource;
    final BenchDatabase.Database database;
    final double startSeconds;

    private BenchApp(ConfigurableApplicationContext context, BenchDatabase.Database database, double startSeconds) {
        this.context = context;
        this.database = database;
        this.startSeconds = startSeconds;
        this.port = ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        this.dataSource = (HikariDataSource) context.getBean(DataSource.class);
    }

    static BenchApp start(BenchDatabase.Database database, int poolSize) {
        return start(database, poolSize, 0);
    }

    /**
     * As {@link #start(BenchDatabase.Database, int)}; an {@code evidenceBytes} above the default evidence limit (25 MB)
     * raises {@code aims.evidence.max-size} to it, for the evidence section's larger files (0: the default).
     */
    static BenchApp start(BenchDatabase.Database database, int poolSize, long evidenceBytes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
        properties.put("spring.datasource.hikari.maximum-pool-size", poolSize);
        properties.put("server.port", 0);
        properties.put("server.address", "127.0.0.1");
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.aimsgate", "WARN");
        if (evidenceBytes > 25L << 20) {
            properties.put("aims.evidence.max-size", evidenceBytes + "B");
        }
        long start = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AimsGateApplication.class)
                .profiles("postgres")
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
        BenchApp app = new BenchApp(context, database, (System.nanoTime() - start) / 1e9);
        app.ensureUsers();
        // The test classpath carries camunda.cfg.xml (the plain process tests' in-memory engine). The engine REST
        // filter's first lookup builds it; do that now, so no measurement pays for a test-only artefact.
        ProcessEngines.init();
        return app;
    }

    /** The demo users the benchmark drives, password "demo", in their RACI groups (created at start-up). */
    void ensureUsers() {
        IdentityService identity = bean(IdentityService.class);
        for (String[] user : new String[][] {{"olivia", RaciGroups.AI_PRODUCT_OWNERS},
                {"oscar", RaciGroups.AI_PRODUCT_OWNERS}, {"mia", RaciGroups.ML_ENGINEERS}, {"sam", RaciGroups.SECURITY},
                {"grace", RaciGroups.GOVERNANCE_BOARD}, {"ethan", RaciGroups.ETHICS}, {"lena", RaciGroups.LEGAL},
                {"priya", RaciGroups.PRIVACY}}) {
            if (identity.createUserQuery().userId(user[0]).count() == 0) {
                User created = identity.newUser(user[0]);
                created.setFirstName(user[0]);
                created.setLastName("Bench");
                created.setPassword("demo");
                identity.saveUser(created);
                identity.createMembership(user[0], user[1]);
            }
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    TransactionTemplate transactions() {
        return new TransactionTemplate(bean(PlatformTransactionManager.class));
    }

    long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
