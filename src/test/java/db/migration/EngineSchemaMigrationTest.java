package db.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.support.EmbeddedPostgres;
import java.sql.Connection;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link V7_2__Engine_schema} as Flyway runs it, on H2 and PostgreSQL: an empty database gets every part of the engine's
 * schema from Camunda's scripts; a part that is there is left alone and a missing one is created; an engine schema of
 * another minor version stops the migration with the upgrade to apply.
 */
class EngineSchemaMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEmptyDatabaseGetsEveryPartOfTheEngineSchema(String database) throws Exception {
        DriverManagerDataSource dataSource = freshDatabase(database);
        migrate(dataSource, "latest");

        try (Connection connection = dataSource.getConnection()) {
            for (V7_2__Engine_schema.Component component : V7_2__Engine_schema.COMPONENTS) {
                assertThat(V7_2__Engine_schema.tableExists(connection, component.table())).as(component.name())
                        .isTrue();
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
                .containsExactly("7.24.0");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reevaluation_watch", Long.class)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void partsThatAreThereStayAndMissingOnesAreCreated(String database) throws Exception {
        DriverManagerDataSource dataSource = freshDatabase(database);
        migrate(dataSource, "6.6");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String type = database.equals("h2") ? "h2" : "postgres";
        // An engine created without identity tables (e.g. run with an external identity provider), with a mark of
        // its own in a table the migration must not touch.
        for (String part : new String[] {"engine", "history"}) {
            try (Connection connection = dataSource.getConnection()) {
                org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(connection,
                        new org.springframework.core.io.ClassPathResource("org/camunda/bpm/engine/db/create/activiti."
                                + type + ".create." + part + ".sql"));
            }
        }
        jdbc.update("INSERT INTO ACT_GE_PROPERTY (NAME_, VALUE_, REV_) VALUES ('aims.mark', 'kept', 1)");

        migrate(dataSource, "latest");

        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'aims.mark'", String.class))
                .isEqualTo("kept");
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG", String.class))
                .containsExactly("7.24.0");
        try (Connection connection = dataSource.getConnection()) {
            assertThat(V7_2__Engine_schema.tableExists(connection, "ACT_ID_USER")).isTrue();
            assertThat(V7_2__Engine_schema.tableExists(connection, "ACT_RE_DECISION_DEF")).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEngineSchemaOfAnotherVersionIsRefusedWithTheUpgradeToApply(String database) throws Exception {
        DriverManagerDataSource dataSource = freshDatabase(database);
        migrate(dataSource, "6.6");
        String type = database.equals("h2") ? "h2" : "postgres";
        try (Connection connection = dataSource.getConnection()) {
            org.springframework.jdbc.datasource.init.ScriptUtils.executeSqlScript(connection,
                    new org.springframework.core.io.ClassPathResource("org/camunda/bpm/engine/db/create/activiti."
                            + type + ".create.engine.sql"));
        }
        new JdbcTemplate(dataSource).update("UPDATE ACT_GE_SCHEMA_LOG SET VERSION_ = '7.23.0'");

        assertThatThrownBy(() -> migrate(dataSource, "latest")).isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("[7.23.0], not 7.24")
                .hasStackTraceContaining("org/camunda/bpm/engine/db/upgrade/");
    }

    private static DriverManagerDataSource freshDatabase(String database) {
        if (database.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:engine-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "sa", "");
        }
        EmbeddedPostgres.Database fresh = EmbeddedPostgres.freshDatabase();
        return new DriverManagerDataSource(fresh.url(), fresh.username(), fresh.password());
    }

    /** Our migrations as the application runs them (spring.flyway.* in application.yml). */
    private static void migrate(DriverManagerDataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("aims_schema_history")
                .target(target).load().migrate();
    }
}
