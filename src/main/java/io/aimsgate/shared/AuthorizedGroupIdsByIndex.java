package io.aimsgate.shared;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's {@code selectAuthorizedGroupIds} reads the groups that hold any grant by walking the
 * engine's index on {@code ACT_RU_AUTHORIZATION.GROUP_ID_}, one probe per group, instead of
 * {@code SELECT distinct(GROUP_ID_)} over every grant. The engine runs that statement once in every command with an
 * authenticated user (to drop the user's groups that hold no grant from its checks), and every open task carries one
 * grant per candidate group: at 100,000 open tasks the scan read 100,000 index entries (6 to 10 ms) in each Tasklist
 * list and count and each claim or completion; the walk reads about 40 buffers (0.3 ms) for 10 groups
 * (docs/benchmarks.md, "Authorised groups (session 9)").
 *
 * <p>The result is the same set: the engine keeps the non-null ids of its statement's rows, and the walk returns
 * exactly the distinct non-null ids in the index's order. The engine routes a statement to a database's own version
 * through its statement mappings (as it does with {@code selectFilter_postgres}); this plugin adds the statement
 * ({@code engine-mappings/authorized-group-ids.postgres.xml}) to the engine's MyBatis configuration after the engine
 * parsed its own, and maps the engine's statement to it ({@link EngineStatementRoutes}). H2 and the other databases
 * keep the engine's statement.
 */
@Component
public class AuthorizedGroupIdsByIndex extends AbstractProcessEnginePlugin {

    /** The engine's statement (Camunda's {@code Authorization.xml}). */
    public static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
    /** Ours, in {@link #MAPPER}. */
    public static final String INDEX_WALK_STATEMENT = "selectAuthorizedGroupIds_aimsIndexWalk";
    static final String MAPPER = "engine-mappings/authorized-group-ids.postgres.xml";

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            EngineStatementRoutes.route(configuration, ENGINE_STATEMENT, INDEX_WALK_STATEMENT, MAPPER,
                    EngineStatementRoutes.text(MAPPER));
        }
    }
}
