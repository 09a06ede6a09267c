package io.aimsgate.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task count ({@code selectTaskCountByQueryCriteria}, behind every filter count in
 * Tasklist and every {@code TaskQuery.count()}) tests the caller's grants as sets instead of probing them once per
 * task: the engine's join {@code left join (the caller's grants) AUTH ON (AUTH.RESOURCE_ID_ = ANY (ARRAY[RES.ID_,
 * D.KEY_, '*']))} can only be answered by an index probe per task, so "My group's tasks" at 100,000 open tasks made
 * 11,100 probes on three processes; written as {@code EXISTS} tests of the same grants (one for the task's id, one for
 * its definition's key, one for {@code '*'}), PostgreSQL's planner may hash the caller's grants once, and still probes
 * them per task when that is cheaper (docs/benchmarks.md, "Tasklist count, session 10").
 *
 * <p>The statement is the engine's own text, not a copy: at start-up the engine's {@code selectTaskByQueryCriteriaSql}
 * is read from its {@code Task.xml} and spliced into {@code engine-mappings/task-count-grant-sets.postgres.xml} with
 * only its grants join replaced, and the engine's count statement is routed to it ({@link EngineStatementRoutes}).
 * Every criterion, the case-task exception, the revoke checks (which do not use the join), the tenant check and the
 * count's form stay the engine's. Should an engine upgrade change any text this depends on (the join, the count
 * statement, the engine's grant set), the engine does not start, naming what changed. H2 and the other databases,
 * and the task list, keep the engine's statements: a first page stops after 15 tasks, where probing wins.
 */
@Component
public class TaskCountByGrantSets extends AbstractProcessEnginePlugin {

    /** The engine's statement (Camunda's {@code Task.xml}). */
    public static final String ENGINE_STATEMENT = "selectTaskCountByQueryCriteria";
    /** Ours, in {@link #TEMPLATE} once the engine's fragment is spliced in. */
    public static final String GRANT_SETS_STATEMENT = "selectTaskCountByQueryCriteria_aimsGrantSets";
    static final String TEMPLATE = "engine-mappings/task-count-grant-sets.postgres.xml";
    static final String ENGINE_TASK_MAPPER = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String ENGINE_AUTHORIZATION_MAPPER = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";

    private static final String MARKER = "<!-- the engine's selectTaskByQueryCriteriaSql -->";
    private static final String FRAGMENT = "selectTaskByQueryCriteriaSql";
    private static final Pattern GRANTS_JOIN = Pattern.compile(
            "<include\\s+refid=\"org\\.camunda\\.bpm\\.engine\\.impl\\.persistence\\.entity\\.AuthorizationEntity"
                    + "\\.authCheckJoinWithoutOnClause\"\\s*/>\\s*AUTH\\s+ON\\s+\\(AUTH\\.RESOURCE_ID_\\s+"
                    + "\\$\\{authJoinStart}\\s+RES\\.ID_\\s+\\$\\{authJoinSeparator}\\s+D\\.KEY_\\s+"
                    + "\\$\\{authJoinSeparator}\\s+'\\*'\\s+\\$\\{authJoinEnd}\\)");

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            String xml = mapper(EngineStatementRoutes.text(ENGINE_TASK_MAPPER),
                    EngineStatementRoutes.text(ENGINE_AUTHORIZATION_MAPPER), EngineStatementRoutes.text(TEMPLATE));
            EngineStatementRoutes.route(configuration, ENGINE_STATEMENT, GRANT_SETS_STATEMENT, TEMPLATE, xml);
        }
    }

    /**
     * Our mapper: the template with the engine's {@code selectTaskByQueryCriteriaSql} in place of its marker and the
     * grants join in it replaced. Fails when the engine's texts are not the ones this was written against.
     */
    static String mapper(String engineTasks, String engineAuthorizations, String template) {
        String fragment = element(engineTasks, "sql", FRAGMENT, ENGINE_TASK_MAPPER);
        Matcher join = GRANTS_JOIN.matcher(fragment);
        if (!join.find()) {
            throw changed("the grants join of " + FRAGMENT);
        }
        String replaced = fragment.substring(0, join.start()) + "<include refid=\"grantSetsJoin\"/>"
                + fragment.substring(join.end());
        if (GRANTS_JOIN.matcher(replaced).find()) {
            throw changed(FRAGMENT + " (it joins the grants more than once)");
        }
        String engineCount = body(element(engineTasks, "select", ENGINE_STATEMENT, ENGINE_TASK_MAPPER));
        String ourCount = body(element(template, "select", GRANT_SETS_STATEMENT, TEMPLATE));
        if (!normalised(engineCount).equals(normalised(ourCount))) {
            throw changed(ENGINE_STATEMENT + " (now: " + normalised(engineCount) + ")");
        }
        String grantSet = body(element(template, "sql", "grantOfCaller", TEMPLATE));
        String grantSetTest = grantSet.substring(grantSet.indexOf("SELECT 1") + "SELECT 1".length());
        String engineGrantSet = element(engineAuthorizations, "sql", "authCheckJoinWithoutOnClauseWithBinding",
                ENGINE_AUTHORIZATION_MAPPER);
        if (!normalised(engineGrantSet).contains("SELECT A.* " + normalised(grantSetTest))) {
            throw changed("the caller's grant set (authCheckJoinWithoutOnClauseWithBinding)");
        }
        if (!template.contains(MARKER)) {
            throw new IllegalStateException(TEMPLATE + " has no marker " + MARKER);
        }
        return template.replace(MARKER, replaced);
    }

    /** The whole element {@code <tag id="id" ...>...</tag>} (no nesting of the same tag in these mappings). */
    private static String element(String xml, String tag, String id, String source) {
        Matcher matcher = Pattern.compile("<" + tag + "\\s+id=\"" + Pattern.quote(id) + "\"[^>]*>.*?</" + tag + ">",
                Pattern.DOTALL).matcher(xml);
        if (!matcher.find()) {
            throw new IllegalStateException(source + " has no <" + tag + " id=\"" + id + "\">");
        }
        return matcher.group();
    }

    private static String body(String element) {
        return element.substring(element.indexOf('>') + 1, element.lastIndexOf('<'));
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static IllegalStateException changed(String what) {
        return new IllegalStateException("The engine's " + what + " is not the text " + TEMPLATE + " was written "
                + "against (Camunda 7.24): re-check TaskCountByGrantSets against the engine's Task.xml and "
                + "Authorization.xml");
    }
}
