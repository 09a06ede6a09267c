package io.aimsgate.operation;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V7_2_2__Authorization_query_statistics;
import io.aimsgate.gate.DeploymentApproved;
import io.aimsgate.support.EmbeddedPostgres;
import io.aimsgate.support.ProcessEngineBinding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
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
 * running watch; concurrent approvals of one system start one watch, without an error.
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
    ApplicationEventPublisher events;

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
        inTransaction(() -> events.publishEvent(new DeploymentApproved(watchedSystem, null, "olivia")));
        assertThat(runningWatches(watchedSystem)).containsExactly(watchInstance);
    }

    @Test
    void concurrentApprovalsOfOneSystemStartOneWatchWithoutAnError() throws Exception {
        long system = insertSystem(jdbc, "Approved twice at once");
        CountDownLatch firstPublished = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        Thread first = new Thread(() -> run(failures, () -> inTransaction(() -> {
            events.publishEvent(new DeploymentApproved(system, null, "olivia"));
            firstPublished.countDown();
            await(commitFirst);
        })));
        Thread second = new Thread(() -> run(failures, () -> {
            await(firstPublished);
            inTransaction(() -> events.publishEvent(new DeploymentApproved(system, null, "oscar")));
        }));
        first.start();
        second.start();
        assertThat(firstPublished.await(30, TimeUnit.SECONDS)).isTrue();
        // The second approval now waits for the first one's claim of the row.
        second.join(1500);
        assertThat(second.isAlive()).as("the second approval waits for the first").isTrue();
        commitFirst.countDown();
        first.join(30_000);
        second.join(30_000);

        assertThat(failures).isEmpty();
        List<String> watches = runningWatches(system);
        assertThat(watches).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT process_instance_id FROM reevaluation_watch WHERE system_id = ?",
                String.class, system)).isEqualTo(watches.get(0));
    }

    @Test
    void aWatchThatEndedIsTakenOverByTheNextApproval() {
        long system = insertSystem(jdbc, "Suspended and approved again");
        inTransaction(() -> events.publishEvent(new DeploymentApproved(system, null, "olivia")));
        String ended = runningWatches(system).get(0);
        runtimeService.deleteProcessInstance(ended, "system suspended");

        inTransaction(() -> events.publishEvent(new DeploymentApproved(system, null, "olivia")));

        List<String> watches = runningWatches(system);
        assertThat(watches).hasSize(1).doesNotContain(ended);
        assertThat(jdbc.queryForMap("SELECT process_instance_id, generation FROM reevaluation_watch WHERE "
                + "system_id = ?", system)).containsEntry("process_instance_id", watches.get(0))
                .containsEntry("generation", 1);
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
        return jdbc.queryForObject("SELECT id FROM ai_system WHERE name = ?", Long.class, name);
    }
}
