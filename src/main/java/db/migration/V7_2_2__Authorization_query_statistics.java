package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 14 and later: planner statistics for the permission bits that the engine's authorisation check tests
 * ({@code PERMS_ & 2 = 2} for READ, {@code PERMS_ & 64 = 64} for READ_TASK). Without them PostgreSQL assumes such a
 * condition matches 0.5% of ACT_RU_AUTHORIZATION, while every per-task grant (one per candidate group and task) has
 * both bits: with 100,000 open tasks it then joins Tasklist's task query to a materialised list of all of a group's
 * grants instead of probing the resource-id index, and a "My group's tasks" count took 10 to 17 seconds instead of
 * 0.4 (docs/benchmarks.md). A statistics object changes no table, column or index of the engine's schema; it only
 * informs the planner. Until this migration the application created it at every start-up; {@code IF NOT EXISTS}
 * keeps a database where it did so. H2 has no such statistics, and PostgreSQL before 14 no statistics on
 * expressions: there the migration does nothing.
 */
public class V7_2_2__Authorization_query_statistics extends BaseJavaMigration {

    public static final String NAME = "aims_act_auth_perms";
    private static final Logger log = LoggerFactory.getLogger(V7_2_2__Authorization_query_statistics.class);

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        var metaData = connection.getMetaData();
        if (!"PostgreSQL".equals(metaData.getDatabaseProductName())) {
            return;
        }
        if (metaData.getDatabaseMajorVersion() < 14) {
            log.warn("PostgreSQL {} has no statistics on expressions: planner statistics {} not created; task queries "
                    + "with many open tasks may be slow (docs/operations.md)", metaData.getDatabaseMajorVersion(),
                    NAME);
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
                    + " ON (perms_ & 2), (perms_ & 64) FROM act_ru_authorization");
            statement.execute("ANALYZE act_ru_authorization");
        }
    }
}
