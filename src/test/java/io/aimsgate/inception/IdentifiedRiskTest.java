package io.aimsgate.inception;

import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.StrideCategory;
import io.aimsgate.shared.Commands;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The optional "risk identified here" block of the inception forms. */
public class IdentifiedRiskTest {

    public static Map<String, Object> riskBlock() {
        return variables("riskTitle", "Proxy discrimination", "riskDescription", "Postcode stands in for ethnicity.",
                "riskCategory", "REPUDIATION", "riskLikelihood", 3L, "riskImpact", 4L);
    }

    /** The path the inception service takes: the form's block as the command part, validated, then the entry. */
    static Optional<RiskDetails> from(Map<String, Object> variables) {
        return Commands.validate(IdentifiedRisk.fromForm(execution(variables))).details(LifecycleStage.INCEPTION);
    }

    @Test
    void withoutATitleNoRiskIsIdentified() {
        assertThat(from(variables("riskTitle", "  ", "riskLikelihood", 3L))).isEmpty();
        assertThat(from(variables())).isEmpty();
    }

    @Test
    void aLikelihoodOrImpactOutsideOneToFiveIsRefusedNamingIt() {
        Map<String, Object> block = riskBlock();
        block.put("riskImpact", 6L);

        assertThatThrownBy(() -> from(block)).isInstanceOf(BadUserRequestException.class)
                .hasMessage("'riskImpact' must be between 1 and 5");
        assertThatThrownBy(() -> from(variables("riskLikelihood", 0L))).hasMessage("'riskLikelihood' must be between 1 and 5");
    }

    @Test
    void aTitledRiskCarriesTheStageAndTheFields() {
        RiskDetails risk = from(riskBlock()).orElseThrow();

        assertThat(risk.lifecycleStage()).isEqualTo(LifecycleStage.INCEPTION);
        assertThat(risk.title()).isEqualTo("Proxy discrimination");
        assertThat(risk.description()).isEqualTo("Postcode stands in for ethnicity.");
        assertThat(risk.strideCategory()).isEqualTo(StrideCategory.REPUDIATION);
        assertThat(risk.likelihood()).isEqualTo(3);
        assertThat(risk.impact()).isEqualTo(4);
        assertThat(risk.treatment()).isNull();
    }

    @Test
    void aTitleWithoutLikelihoodIsRefusedNamingRiskLikelihood() {
        Map<String, Object> block = riskBlock();
        block.remove("riskLikelihood");

        assertThatThrownBy(() -> from(block))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskLikelihood' is required");
    }

    @Test
    void aTitleWithoutImpactIsRefusedNamingRiskImpact() {
        Map<String, Object> block = riskBlock();
        block.put("riskImpact", "");

        assertThatThrownBy(() -> from(block))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact' is required");
    }

    @Test
    void aTitleWithoutDescriptionOrCategoryIsRefused() {
        Map<String, Object> noDescription = riskBlock();
        noDescription.remove("riskDescription");
        Map<String, Object> badCategory = riskBlock();
        badCategory.put("riskCategory", "BIAS");

        assertThatThrownBy(() -> from(noDescription))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskDescription'");
        assertThatThrownBy(() -> from(badCategory))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskCategory'");
    }

    @Test
    void clearRemovesTheBlocksVariables() {
        Map<String, Object> block = riskBlock();
        block.put("systemId", 7L);
        DelegateExecution execution = execution(block);

        IdentifiedRisk.clear(execution);

        for (String name : new String[] {"riskTitle", "riskDescription", "riskCategory", "riskLikelihood",
                "riskImpact"}) {
            assertThat(execution.getVariable(name)).as(name).isNull();
        }
        assertThat(execution.getVariable("systemId")).isEqualTo(7L);
    }
}
