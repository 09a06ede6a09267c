package io.aimsgate.controls;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.EmbeddedPostgres;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V8_3 and V8_3_1 on H2 and PostgreSQL: the register holds exactly the 38 Annex A controls of the reference, in
 * catalogue order, each PLANNED and undecided; and a gate run may belong to no AI system (the SoA approval's).
 */
class ControlsMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theRegisterIsSeededWithThe38ControlsUndecided(String database) {
        DriverManagerDataSource dataSource = database.equals("h2")
                ? new DriverManagerDataSource("jdbc:h2:mem:controls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                        "sa", "")
                : fresh();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("aims_schema_history")
                .load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        assertThat(jdbc.queryForList("SELECT control_id FROM aims_control ORDER BY sort_order", String.class))
                .containsExactlyElementsOf(AnnexACatalogueTest.REFERENCE_IDS)
                .doesNotContainAnyElementsOf(AnnexACatalogueTest.NOT_CONTROLS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM aims_control WHERE applicable IS NULL AND "
                + "implementation_status = 'PLANNED' AND owner IS NULL", Integer.class)).isEqualTo(38);
        assertThat(jdbc.queryForObject("SELECT objective_title FROM aims_control WHERE control_id = 'A.10.3'",
                String.class)).isEqualTo("Third parties and customers");

        jdbc.update("INSERT INTO gate_run (system_id, kind, process_instance_id, status, started_at, row_version) "
                + "VALUES (NULL, 'STATEMENT_OF_APPLICABILITY', 'pi-soa', 'IN_PROGRESS', CURRENT_TIMESTAMP, 0)");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gate_run WHERE system_id IS NULL", Integer.class))
                .isEqualTo(1);
    }

    private static DriverManagerDataSource fresh() {
        EmbeddedPostgres.Database fresh = EmbeddedPostgres.freshDatabase();
        return new DriverManagerDataSource(fresh.url(), fresh.username(), fresh.password());
    }
}
