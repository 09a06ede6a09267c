package io.aimsgate.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.inventory.LifecycleStage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.autoconfigure.orm.jpa.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * JPA slice on the risk register's hot query: the system's blocking risks in the HIGH and CRITICAL cells, worst first,
 * which the pipeline check ({@code deployment-decision}), the deployment gate's assessment and the risk-assessment
 * view run on every call. Flyway builds the schema (so the query runs against the real columns and
 * {@code ix_risk_worst_blocking}); H2 and PostgreSQL subclasses. The slice annotation sits here, on the class that
 * declares the test methods, so their transaction (rolled back after each) is found.
 */
@DataJpaTest
abstract class AbstractRiskQueriesJpaTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Autowired
    RiskRepository risks;

    @Autowired
    TestEntityManager entityManager;

    @Autowired
    JdbcTemplate jdbc;

    long system;
    long otherSystem;
    List<Integer> severeCells;

    @BeforeEach
    void register() {
        system = insertSystem("Recommender");
        otherSystem = insertSystem("Scoring");
        SeverityMatrix matrix = RiskFixtures.defaultMatrix();
        severeCells = new ArrayList<>();
        for (int likelihood = 1; likelihood <= 5; likelihood++) {
            for (int impact = 1; impact <= 5; impact++) {
                if (matrix.severityOf(likelihood, impact).compareTo(Severity.HIGH) >= 0) {
                    severeCells.add(likelihood * 10 + impact);
                }
            }
        }
    }

    @Test
    void theWorstBlockingRisksComeFirstAndOnlyTheBlockingOnes() {
        Risk high = risk(system, "High", 4, 4);
        Risk critical = risk(system, "Critical", 5, 5);
        Risk highToo = risk(system, "High as well", 3, 5);
        Risk low = risk(system, "Low", 2, 2);
        Risk closed = risk(system, "Closed critical", 5, 5);
        closed.changeStatus(RiskStatus.CLOSED, "Gone with the old model", NOW);
        Risk treated = risk(system, "Treated", 5, 5);
        treated.describe(details("Treated", 5, 5, 2, 2), RiskFixtures.defaultMatrix(), NOW);
        Risk elsewhere = risk(otherSystem, "Other system", 5, 5);
        entityManager.flush();
        entityManager.clear();

        List<RiskHeadline> worst = risks.findWorstBlocking(system, severeCells, 10);

        assertThat(worst).extracting(RiskHeadline::id)
                .containsExactly(critical.getId(), high.getId(), highToo.getId())
                .doesNotContain(low.getId(), closed.getId(), treated.getId(), elsewhere.getId());
        assertThat(worst.get(0)).isEqualTo(new RiskHeadline(critical.getId(), "Critical", RiskStatus.OPEN, 5, 5));
        assertThat(risks.findWorstBlocking(system, severeCells, 1)).extracting(RiskHeadline::id)
                .containsExactly(critical.getId());
        assertThat(risks.findWorstBlocking(otherSystem, severeCells, 10)).extracting(RiskHeadline::id)
                .containsExactly(elsewhere.getId());
    }

    @Test
    void aSystemWithoutSevereRisksHasNoneAndTheCellsDecide() {
        Risk medium = risk(system, "Medium", 3, 3);
        entityManager.flush();

        assertThat(risks.findWorstBlocking(system, severeCells, 10)).isEmpty();
        // A stricter risk appetite (another risk-severity decision) makes 3x3 a blocking cell.
        assertThat(risks.findWorstBlocking(system, List.of(33), 10)).extracting(RiskHeadline::id)
                .containsExactly(medium.getId());
    }

    private Risk risk(long systemId, String title, int likelihood, int impact) {
        Risk risk = new Risk(systemId, "mia", NOW);
        risk.describe(details(title, likelihood, impact, null, null), RiskFixtures.defaultMatrix(), NOW);
        return entityManager.persist(risk);
    }

    private static RiskDetails details(String title, int likelihood, int impact, Integer residualLikelihood,
            Integer residualImpact) {
        return new RiskDetails(LifecycleStage.DEPLOYMENT, StrideCategory.TAMPERING, title, "Slice test risk",
                likelihood, impact, RiskTreatment.MITIGATE, "mia", LocalDate.of(2027, 1, 31), residualLikelihood,
                residualImpact);
    }

    private long insertSystem(String name) {
        jdbc.update("INSERT INTO ai_system (name, intended_use, ai_type, business_owner, business_unit, supplier_type, "
                + "eu_ai_act_tier, data_categories, processes_personal_data, lifecycle_stage, created_by, created_at, "
                + "updated_at, row_version) VALUES (?, 'Slice test', 'PREDICTIVE', 'olivia', 'Testing', "
                + "'IN_HOUSE', 'MINIMAL', 'none', FALSE, 'INCEPTION', 'olivia', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP, 0)", name);
        return jdbc.queryForObject("SELECT id FROM ai_system WHERE name = ?", Long.class, name);
    }
}
