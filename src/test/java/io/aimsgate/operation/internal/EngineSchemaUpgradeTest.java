package io.aimsgate.operation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V7_2_2__Authorization_query_statistics;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.Api;
import io.aimsgate.support.EmbeddedPostgres;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.ProcessEngineBinding;
import io.aimsgate.support.SystemFixtures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A production database of the release before ADR 0005: our tables at the then latest migration (V6_6), the engine's
 * tables created by the engine itself ({@code schema-update: true}), a running re-evaluation watch. The application
 * then starts on it with the {@code postgres} profile and {@code schema-update: false}: Flyway leaves the engine's
 * tables alone, records the engine schema migration, moves the planner statistics into a migration, and knows the
 * running watch; concurrent approvals of one system start one watch, without an error. The approvals are real ones,
 * through the deployment gate over HTTP, by users the test creates (the postgres profile has no demo users).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(ProcessEngineBinding.class)
class EngineSchemaUpgradeTest {

    static long watchedSystem;
    static String watchInstance;

    @DynamicPropertySource
    static void databaseOfThePreviousRelease(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.Database database = EmbeddedPostgres.freshDatabase();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("aims_schema_history")
                .target("6.6").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        watchedSystem = insertSystem(jdbc, "Watched before the upgrade");
        ProcessEngine old = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setProcessEngineName("previous-release")
                .setJdbcUrl(database.url()).setJdbcUsername(database.username())
                .setJdbcPassword(database.password()).setJdbcDriver("org.postgresql.Driver")
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        try {
            old.getRepositoryService().createDeployment().addModelInstance("re-evaluation.bpmn",
                    Bpmn.createExecutableProcess("re-evaluation").camundaHistoryTimeToLive(730)
                            .startEvent().userTask("waiting").endEvent().done()).deploy();
            watchInstance = old.getRuntimeService().startProcessInstanceByKey("re-evaluation",
                    java.util.Map.of("systemId", watchedSystem)).getId();
        } finally {
            old.close();
        }
        registry.add("spring.datasource.url", database::url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @LocalServerPort
    int port;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theEngineStartsWithoutSchemaUpdateOnTablesItCreatedItself() {
        assertThat(environment.getProperty("camunda.bpm.database.schema-update")).isEqualTo("false");
        assertThat(jdbc.queryForList("SELECT version FROM aims_schema_history WHERE success AND version IN "
                + "('7.2', '7.2.1', '7.2.2') ORDER BY installed_rank", String.class))
                .containsExactly("7.2", "7.2.1", "7.2.2");
        // The engine's own schema-update created the schema once; nothing ran Camunda's scripts again.
        assertThat(jdbc.queryForList("SELECT id_ FROM act_ge_schema_log", String.class)).containsExactly("0");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(watchInstance).count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_statistic_ext WHERE stxname = ?", Long.class,
                V7_2_2__Authorization_query_statistics.NAME)).isEqualTo(1);
    }

    @Test
    void aWatchRunningBeforeTheUpgradeIsKnownAndNotStartedTwice() {
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM reevaluation_watch WHERE system_id = ?",
                String.class, watchedSystem)).isEqualTo(watchInstance);
        walk().passGatesBeforeDeployment(watchedSystem, "MINIMAL", "0.0.1-validated");
        approve(watchedSystem, "1.0.0");
        assertThat(runningWatches(watchedSystem)).containsExactly(watchInstance);
    }

    @Autowired
    ReevaluationWatches watches;

    /**
     * The race the primary key decides: two approvals' watch starts (each the after-commit work of its approval, in
     * its own transaction) overlap. The second waits for the first one's row, then finds it taken: one watch, no
     * error.
     */
    @Test
    void concurrentApprovalsOfOneSystemStartOneWatchWithoutAnError() throws Exception {
        long system = newSystem("Approved twice at once");
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> started = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> run(failures, () -> inTransaction(() -> {
            started.add(watches.startUnlessWatched(system, () -> !runningWatches(system).isEmpty(),
                    () -> startWatch(system)));
            firstClaimed.countDown();
            await(commitFirst);
        })));
        Thread second = new Thread(() -> run(failures, () -> {
            await(firstClaimed);
            inTransaction(() -> started.add(watches.startUnlessWatched(system,
                    () -> !runningWatches(system).isEmpty(), () -> startWatch(system))));
        }));
        first.start();
        second.start();
        assertThat(firstClaimed.await(30, TimeUnit.SECONDS)).isTrue();
        // The second start now waits for the first one's claim of the row.
        second.join(1500);
        assertThat(second.isAlive()).as("the second start waits for the first").isTrue();
        commitFirst.countDown();
        first.join(30_000);
        second.join(30_000);

        assertThat(failures).isEmpty();
        assertThat(started).containsExactly(true, false);
        List<String> running = runningWatches(system);
        assertThat(running).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM reevaluation_watch WHERE system_id = ?",
                String.class, system)).isEqualTo(running.get(0));
        // The approvals' own path on top: a further approval of the system starts nothing.
        approve(system, "1.0.0");
        assertThat(runningWatches(system)).isEqualTo(running);
    }

    private String startWatch(long system) {
        return runtimeService.createMessageCorrelation("OperationStarted").setVariables(Map.of("systemId", system,
                "systemName", "Approved twice at once", "businessOwner", "olivia", "reevaluationInterval", "P1Y",
                "reviewRejected", false)).correlateStartMessage().getId();
    }

    @Test
    void aWatchThatEndedIsTakenOverByTheNextApproval() {
        long system = newSystem("Suspended and approved again");
        approve(system, "1.0.0");
        String ended = runningWatches(system).get(0);
        runtimeService.deleteProcessInstance(ended, "system suspended");

        approve(system, "1.1.0");

        List<String> watches = runningWatches(system);
        assertThat(watches).hasSize(1).doesNotContain(ended);
        assertThat(jdbc.queryForMap("SELECT process_instance_id, generation FROM reevaluation_watch WHERE "
                + "system_id = ?", system)).containsEntry("process_instance_id", watches.get(0))
                .containsEntry("generation", 1);
    }

    /** The people of a MINIMAL-tier walk and deployment approval, in their RACI groups (password as Api's callers). */
    @BeforeEach
    void users() {
        Map<String, String> groups = Map.of("olivia", RaciGroups.AI_PRODUCT_OWNERS, "oscar",
                RaciGroups.AI_PRODUCT_OWNERS, "mia", RaciGroups.ML_ENGINEERS, "sam", RaciGroups.SECURITY);
        groups.forEach((id, group) -> {
            if (identityService.createUserQuery().userId(id).count() == 0) {
                User user = identityService.newUser(id);
                user.setFirstName(id);
                user.setLastName("Upgrade");
                user.setEmail(id + "@upgrade.example");
                user.setPassword(Api.DEMO_PASSWORD);
                identityService.saveUser(user);
                identityService.createMembership(id, group);
            }
        });
    }

    private LifecycleWalk walk() {
        return LifecycleWalk.over(new Api(port));
    }

    /** A system registered over HTTP that has passed the gates before deployment. */
    private long newSystem(String name) {
        long system = SystemFixtures.registerSystem(new Api(port).as("olivia"), name + " " + UUID.randomUUID(),
                "MINIMAL");
        walk().passGatesBeforeDeployment(system, "MINIMAL", "0.0.1-validated");
        return system;
    }

    /** A new version of the system with its model card, approved through the deployment gate (a bound approval). */
    private void approve(long system, String label) {
        EvidenceFixtures.versionWithModelCard(new Api(port).as("mia"), system, label, SystemFixtures.sha256());
        LifecycleWalk walk = walk();
        walk.approveDeployment(walk.submitForDeployment(system, label, Map.of("note", "Release " + label))
                .get("processInstanceId").asText(), "sam");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM deployment_approval a JOIN model_version v ON "
                + "v.id = a.version_id WHERE v.system_id = ? AND v.version_label = ? AND a.status = 'CURRENT'",
                Long.class, system, label)).isEqualTo(1);
    }

    private List<String> runningWatches(long system) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", system).list().stream().map(ProcessInstance::getId).toList();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> work.run());
    }

    private static void run(List<Throwable> failures, Runnable work) {
        try {
            work.run();
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long insertSystem(JdbcTemplate jdbc, String name) {
        jdbc.update("INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type, "
                + "eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by, created_at, "
                + "updated_at, row_version) VALUES (?, 'Schema upgrade test', 'PREDICTIVE', 'olivia', 'Testing', "
                + "'IN_HOUSE', 'MINIMAL', 'none', FALSE, 'OPERATION_AND_MONITORING', 'olivia', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0)", name);
        long system = jdbc.queryForObject("SELECT id FROM ai_system WHERE name = ?", Long.class, name);
        // Its empty risk tally, one cell per likelihood and impact, as that release wrote with it (RiskCellTally).
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                jdbc.update("INSERT INTO risk_cell_tally (system_id, current_likelihood, current_impact, "
                        + "blocking_if_severe) VALUES (?, ?, ?, 0)", system, likelihood, impact);
            }
        }
        return system;
    }
}
