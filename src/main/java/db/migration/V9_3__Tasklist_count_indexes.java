package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL: two covering indexes for the count of a Tasklist group filter at volume (docs/benchmarks.md, "Tasklist
 * count", session 5). They add no column and change no row of the engine's schema (ADR 0005); they only give the
 * planner index-only ways to the same rows.
 * <ul>
 * <li>{@code AIMS_IDX_AUTH_TASK_READ}: the grants a task query's authorisation check can match (a grant or global
 * authorisation with READ on a task or READ_TASK on a process definition), by resource id, with every column the
 * check tests. With the engine's join written as an array ({@code io.aimsgate.shared.AuthorizationJoinAsArray}),
 * each task's check is one probe of this index without reading the table, and the 20-odd other grants on
 * {@code '*'} (application access, process-definition READ, ...) are not in it.</li>
 * <li>{@code AIMS_IDX_TASK_ID_COVER}: the columns of ACT_RU_TASK a task count reads (id, process definition, case
 * execution, tenant), so the tasks of a group's candidate links are found from the index alone instead of a scan of
 * the task table.</li>
 * </ul>
 * H2 has neither partial indexes nor {@code INCLUDE}, and its plans do not need them: there the migration does
 * nothing.
 */
public class V9_3__Tasklist_count_indexes extends BaseJavaMigration {

    public static final String AUTH_INDEX = "aims_idx_auth_task_read";
    public static final String TASK_INDEX = "aims_idx_task_id_cover";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            // The predicate is the engine's own permission test of task queries (Authorization.xml,
            // atomicChecksOnResourceTypeAndPerms with TASK READ = 2 and PROCESS_DEFINITION READ_TASK = 64, and
            // TYPE_ < 2 for global and grant authorisations), so the planner can prove that the index holds every
            // row the check can match.
            statement.execute("CREATE INDEX IF NOT EXISTS " + AUTH_INDEX + " ON act_ru_authorization (resource_id_) "
                    + "INCLUDE (type_, user_id_, group_id_, resource_type_, perms_) WHERE type_ < 2 AND "
                    + "(resource_type_ = 7 AND perms_ & 2 = 2 OR resource_type_ = 6 AND perms_ & 64 = 64)");
            statement.execute("CREATE INDEX IF NOT EXISTS " + TASK_INDEX + " ON act_ru_task (id_) "
                    + "INCLUDE (proc_def_id_, case_execution_id_, tenant_id_)");
        }
    }
}
