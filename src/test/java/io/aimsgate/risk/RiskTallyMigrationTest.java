package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.support.EmbeddedPostgres;
import java.util.SplittableRandom;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5 on a register that existed before it: the derived columns are filled and every system, with or without risks,
 * gets 25 cells counting its register, on H2 and on PostgreSQL; {@link RiskCellTally#rebuild()} gives the same.
 */
class RiskTallyMigrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void theBackfillCountsTheRegisterAsItWasBeforeV5(String database) {
        DriverManagerDataSource dataSource = freshDatabase(database);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        migrate(dataSource, "4");
        long busy = insertSystem(jdbc, "Busy");
        long quiet = insertSystem(jdbc, "Quiet");
        long empty = insertSystem(jdbc, "Empty");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 400; i++) {
            insertRisk(jdbc, i % 5 == 0 ? quiet : busy, random);
        }

        migrate(dataSource, "latest");

        for (long system : new long[] {busy, quiet, empty}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk_cell_tally WHERE system_id = ?", Long.class,
                    system)).isEqualTo(25);
            assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, system)).as("system %d", system)
                    .isEqualTo(RegisterCountedTheSlowWay.tallyOf(jdbc, system));
        }
        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, busy)).isNotEmpty();
        assertThat(RegisterCountedTheSlowWay.storedTally(jdbc, empty)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk WHERE current_score <> current_likelihood * "
                + "current_impact", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM risk WHERE blocks_if_severe", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM risk WHERE status IN ('OPEN', 'IN_TREATMENT') "
                        + "OR (status = 'ACCEPTED' AND accepted_by_board = FALSE)", Long.class))
                .isPositive();

        var backfilled = jdbc.queryForList("SELECT * FROM risk_cell_tally ORDER BY system_id, current_likelihood, "
                + "current_impact");
        new RiskCellTally(jdbc, null).rebuild();
        assertThat(jdbc.queryForList("SELECT * FROM risk_cell_tally ORDER BY system_id, current_likelihood, "
                + "current_impact")).as("rebuilt as backfilled").isEqualTo(backfilled);
    }

    private static DriverManagerDataSource freshDatabase(String database) {
        if (database.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
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

    private static long insertSystem(JdbcTemplate jdbc, String name) {
        jdbc.update("INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type, "
                + "eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by, created_at, "
                + "updated_at, row_version) VALUES (?, 'Migration test', 'PREDICTIVE', 'olivia', 'Testing', "
                + "'IN_HOUSE', 'MINIMAL', 'none', FALSE, 'INCEPTION', 'olivia', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0)", name);
        return jdbc.queryForObject("SELECT id FROM ai_system WHERE name = ?", Long.class, name);
    }

    /** A risk row as V1 to V4 stored it: any status, board acceptance only when accepted. */
    private static void insertRisk(JdbcTemplate jdbc, long system, SplittableRandom random) {
        RiskStatus status = RiskStatus.values()[random.nextInt(RiskStatus.values().length)];
        boolean board = status == RiskStatus.ACCEPTED && random.nextBoolean();
        int likelihood = 1 + random.nextInt(5);
        int impact = 1 + random.nextInt(5);
        int currentLikelihood = 1 + random.nextInt(5);
        int currentImpact = 1 + random.nextInt(5);
        jdbc.update("INSERT INTO risk (system_id, lifecycle_stage, stride_category, title, likelihood, impact, "
                + "inherent_score, inherent_severity, status, residual_likelihood, residual_impact, current_likelihood, "
                + "current_impact, current_severity, accepted_by_board, created_by, created_at, updated_at, row_version) "
                + "VALUES (?, 'DEPLOYMENT', 'TAMPERING', 'Before V5', ?, ?, ?, 'MEDIUM', ?, ?, ?, ?, ?, 'MEDIUM', ?, "
                + "'sam', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)", system, likelihood, impact, likelihood * impact,
                status.name(), currentLikelihood, currentImpact, currentLikelihood, currentImpact, board);
    }
}
