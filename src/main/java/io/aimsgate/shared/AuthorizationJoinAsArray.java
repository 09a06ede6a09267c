package io.aimsgate.shared;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's queries test the caller's grants with {@code AUTH.RESOURCE_ID_ = ANY (ARRAY[RES.ID_,
 * D.KEY_, '*'])} instead of its default {@code AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}: the same test with the
 * same three-valued result (PostgreSQL defines both as "equal to at least one element"), so the same rows and counts
 * and no grant read differently. The engine keeps this text per database for exactly this purpose (MySQL gets
 * {@code = ... OR AUTH.RESOURCE_ID_ = ...}); its maps are read once, when the engine parses its MyBatis mappings,
 * which is after this plugin's {@code preInit}.
 *
 * <p>Why: PostgreSQL rewrites an {@code IN} list of columns into OR-ed equalities, which it can only answer per
 * row with a bitmap scan of three index probes that reads the table. With an array it makes one probe per row, and
 * with the covering index of migration V9_3 ({@code AIMS_IDX_AUTH_TASK_READ}) it reads that probe from the index
 * alone. Tasklist's "My group's tasks" count at 100,000 open tasks is the case this was measured on
 * (docs/benchmarks.md, "Tasklist count", session 5). Every element of every such list in Camunda 7.24's mappings is
 * a character column or {@code '*'}, so each array has one type. H2 and the other databases keep the engine's text.
 */
@Component
class AuthorizationJoinAsArray extends AbstractProcessEnginePlugin {

    static final String START = "= ANY (ARRAY[";
    static final String SEPARATOR = ",";
    static final String END = "])";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory.databaseSpecificAuthJoinStart.put(DbSqlSessionFactory.POSTGRES, START);
        DbSqlSessionFactory.databaseSpecificAuthJoinSeparator.put(DbSqlSessionFactory.POSTGRES, SEPARATOR);
        DbSqlSessionFactory.databaseSpecificAuthJoinEnd.put(DbSqlSessionFactory.POSTGRES, END);
    }
}
