package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Response;
import io.aimsgate.support.EmbeddedPostgres;
import io.aimsgate.support.ProcessEngineBinding;
import java.util.List;
import java.util.Map;
import io.aimsgate.shared.PlanWithValues;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The production profile {@code postgres} (without demo) starting on an empty PostgreSQL database: Flyway creates our
 * tables, the engine its own, the RACI groups exist, no user exists (demo users must never exist outside demo), and
 * the API answers nobody anonymously. The task count scenarios run here too, with the profile's planner settings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(ProcessEngineBinding.class)
class PostgresProfileTest extends AbstractTaskCountScenarios {

    static final List<String> RACI_GROUPS = List.of("ai-product-owners", "ml-engineers", "security", "legal",
            "privacy", "ethics", "governance-board", "business-stakeholders", "auditors");

    @DynamicPropertySource
    static void freshPostgresDatabase(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.registerFreshDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityService identityService;

    @Autowired
    Environment environment;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    PlanWithValues planWithValues;

    @Override
    String expectedAuthJoinStart() {
        return "= ANY (ARRAY[";
    }

    @Override
    String expectedAuthorizedGroupIdsStatement() {
        return "selectAuthorizedGroupIds_aimsIndexWalk";
    }

    @Override
    String expectedTaskCountStatement() {
        return "selectTaskCountByQueryCriteria_aimsGrantSets";
    }

    @Test
    void runsOnPostgresWithoutDemoProfile() {
        assertThat(environment.getActiveProfiles()).contains("postgres").doesNotContain("demo");
        assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("aims_test_");
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }

    /**
     * Every pooled connection lets PostgreSQL cache plans (its default), never JIT-compiles a statement, and costs
     * random page reads for memory and SSDs (docs/operations.md): all three come from the profile's
     * connection-init-sql.
     */
    @Test
    void pooledConnectionsCachePlansAndNeverJit() {
        assertThat(jdbc.queryForObject("show plan_cache_mode", String.class)).isEqualTo("auto");
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
        assertThat(jdbc.queryForObject("show random_page_cost", String.class)).isEqualTo("1.1");
    }

    /**
     * The engine's queries run planned with their values (a generic plan of the authorisation check took over 30 s
     * at volume, docs/benchmarks.md); its other commands, and the rest of the transaction after a query, keep
     * PostgreSQL's plan caching. Seen from inside: a native task query's own SQL reads the setting it runs with.
     */
    @Test
    void engineQueriesArePlannedWithTheirValuesAndOtherCommandsCachePlans() {
        Task probe = taskService.newTask("plan-probe-" + System.nanoTime());
        taskService.saveTask(probe);
        try {
            String sql = "SELECT COUNT(*) FROM ACT_RU_TASK WHERE ID_ = #{id} AND current_setting('plan_cache_mode') = #{mode}";
            assertThat(taskService.createNativeTaskQuery().sql(sql).parameter("id", probe.getId())
                    .parameter("mode", "force_custom_plan").count()).isEqualTo(1);
            assertThat(taskService.createNativeTaskQuery().sql(sql).parameter("id", probe.getId())
                    .parameter("mode", "auto").count()).isZero();
            // a command that is not a query, and the same transaction after a query: the pool's setting
            var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
            List<String> modes = configuration.getCommandExecutorTxRequired().execute(context -> {
                String before = engineConnectionMode(context);
                long counted = taskService.createNativeTaskQuery().sql(sql).parameter("id", probe.getId())
                        .parameter("mode", "force_custom_plan").count();
                return List.of(before, String.valueOf(counted), engineConnectionMode(context));
            });
            assertThat(modes).containsExactly("auto", "1", "auto");
        } finally {
            taskService.deleteTask(probe.getId(), true);
        }
    }

    /**
     * The setting holds for the work only: the rest of the transaction plans as the pool does, work nested on the
     * same connection keeps it, and an inner transaction (REQUIRES_NEW, its own connection) starts with the pool's.
     */
    @Test
    void planningWithValuesHoldsForTheWorkOnly() {
        TransactionTemplate outer = new TransactionTemplate(transactionManager);
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        List<String> seen = outer.execute(status -> {
            List<String> modes = new java.util.ArrayList<>();
            modes.add(mode());
            planWithValues.around(() -> {
                modes.add(mode());
                planWithValues.around(() -> modes.add(mode()));
                modes.add(mode());
                inner.executeWithoutResult(innerStatus -> {
                    modes.add(mode());
                    planWithValues.around(() -> modes.add(mode()));
                    modes.add(mode());
                });
                return modes.add(mode());
            });
            modes.add(mode());
            return modes;
        });
        assertThat(seen).containsExactly("auto", "force_custom_plan", "force_custom_plan", "force_custom_plan",
                "auto", "force_custom_plan", "auto", "force_custom_plan", "auto");
        assertThat(mode()).isEqualTo("auto");
    }

    /** A query that fails inside the work rolls back with its transaction and leaves the pool's setting. */
    @Test
    void aFailingQueryLeavesNoSettingBehind() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> transaction.executeWithoutResult(status ->
                planWithValues.around(() -> jdbc.queryForObject("SELECT 1 / 0", Integer.class))))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
        String after = transaction.execute(status -> mode());
        assertThat(after).isEqualTo("auto");
    }

    private static String engineConnectionMode(org.camunda.bpm.engine.impl.interceptor.CommandContext context) {
        try (var statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
             var result = statement.executeQuery("show plan_cache_mode")) {
            result.next();
            return result.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String mode() {
        return jdbc.queryForObject("show plan_cache_mode", String.class);
    }

    @Test
    void flywayMigratedOurTablesIntoTheEmptyDatabase() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "select version, success from aims_schema_history where version is not null order by installed_rank");
        assertThat(history).isNotEmpty();
        assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
        assertThat(history.get(0).get("version")).isEqualTo("1");
        // It migrated (a fresh database), it did not merely baseline an existing schema.
        assertThat(jdbc.queryForObject("select count(*) from aims_schema_history where type = 'BASELINE'", Long.class))
                .isZero();
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = current_schema()", String.class);
        assertThat(tables).contains("ai_system", "model_version", "risk", "deployment_request", "gate_decision",
                "gate_run", "gate_event", "aims_schema_history");
        // The engine created its schema next to ours.
        assertThat(tables).contains("act_ru_task", "act_re_procdef", "act_id_user");
        // Nothing was seeded: demo data never runs outside the demo profile.
        assertThat(jdbc.queryForObject("select count(*) from ai_system", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from deployment_request", Long.class)).isZero();
    }

    @Test
    void flywayCreatedTheEngineSchemaAndTheEngineMayNotChangeIt() {
        assertThat(environment.getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
        assertThat(jdbc.queryForObject("select success from aims_schema_history where version = '7.2'",
                Boolean.class)).isTrue();
        // The engine started with schema-update false: the schema it runs on is the one Camunda's scripts made.
        assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class)).containsExactly("7.24.0");
        assertThat(jdbc.queryForObject("select count(*) from pg_statistic_ext where stxname = 'aims_act_auth_perms'",
                Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("select indexname from pg_indexes where indexname like 'aims_idx_%'",
                String.class)).contains("aims_idx_auth_task_read", "aims_idx_task_id_cover");
    }

    @Test
    void noUserExistsButTheRaciGroupsDo() {
        assertThat(identityService.createUserQuery().count()).isZero();
        for (String demoUser : List.of("olivia", "oscar", "mia", "sam", "grace", "guest", "admin")) {
            assertThat(identityService.createUserQuery().userId(demoUser).count()).as(demoUser).isZero();
        }
        assertThat(jdbc.queryForObject("select count(*) from act_id_user", Long.class)).isZero();
        assertThat(identityService.createGroupQuery().list()).extracting(Group::getId)
                .containsAll(RACI_GROUPS);
        assertThat(identityService.createGroupQuery().groupIdIn(RACI_GROUPS.toArray(String[]::new)).list())
                .allSatisfy(group -> assertThat(group.getType()).isEqualTo("RACI"));
    }

    @Test
    void theApiAnswersNobodyWithoutCredentials() {
        Api api = new Api(port);
        Response systems = api.anonymous().get("/api/systems").expect(401);
        assertThat(systems.contentType()).startsWith(Api.PROBLEM_JSON);
        assertThat(systems.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        api.anonymous().get("/engine-rest/user").expect(401);
        api.anonymous().get("/engine-rest/task").expect(401);
        // Production closes Camunda's anonymous first-run setup even before any user exists (CVE-2026-77226).
        Response setup = api.anonymous().post("/camunda/api/admin/setup/default/user/create", Map.of(
                "profile", Map.of("id", "attacker", "firstName", "a", "lastName", "b", "email", "a@b.c"),
                "credentials", Map.of("password", "x"))).expect(403);
        assertThat(setup.body()).contains("setup-closed");
        assertThat(identityService.createUserQuery().userId("attacker").count()).isZero();
        // The demo credentials do not exist here.
        api.as("olivia").get("/api/systems").expect(401);
        api.as("admin").get("/engine-rest/user").expect(401);
    }
}
