package io.aimsgate.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL only: planner statistics for the permission bits that the engine's authorisation check tests
 * ({@code PERMS_ & 2 = 2} for READ, {@code PERMS_ & 64 = 64} for READ_TASK). Without them PostgreSQL assumes such a
 * condition matches 0.5% of ACT_RU_AUTHORIZATION, while every per-task grant (one per candidate group and task) has
 * both bits: with 100,000 open tasks it then joins Tasklist's task query to a materialised list of all of a group's
 * grants instead of probing the resource-id index, and a "My group's tasks" count took 10 to 17 seconds instead of
 * 0.4 (docs/benchmarks.md). A statistics object changes no table, column or index of the engine's schema (which the
 * engine owns, ADR 0003); it only informs the planner. Idempotent; a failure (PostgreSQL before 14, a database user
 * that does not own the engine tables) is logged and start-up goes on.
 */
@Component
@Order(3)
class AuthorizationQueryStatistics implements ApplicationRunner {

    static final String NAME = "aims_act_auth_perms";
    private static final Logger log = LoggerFactory.getLogger(AuthorizationQueryStatistics.class);

    private final DataSource dataSource;

    AuthorizationQueryStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void run(ApplicationArguments args) {
        try (Connection connection = dataSource.getConnection()) {
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                try (ResultSet existing = statement.executeQuery(
                        "SELECT 1 FROM pg_statistic_ext WHERE stxname = '" + NAME + "'")) {
                    if (existing.next()) {
                        return;
                    }
                }
                statement.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
                        + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
                statement.execute("ANALYZE act_ru_authorization");
                log.info("Created planner statistics {} on act_ru_authorization", NAME);
            }
        } catch (SQLException e) {
            log.warn("Could not create planner statistics {} on act_ru_authorization; task queries with many open "
                    + "tasks may be slow (docs/operations.md): {}", NAME, e.getMessage());
        }
    }
}
