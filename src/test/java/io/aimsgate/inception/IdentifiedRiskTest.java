package io.aimsgate.inception;

import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.risk.RiskDetails;
import io.aimsgate.risk.StrideCategory;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The optional "risk identified here" block of the inception forms. */
public class IdentifiedRiskTest {

    public static Map<String, Object> riskBlock() {
        return variables("riskTitle", "Proxy discrimination", "riskDescription", "Postcode stands in for ethnicity.",
                "riskCategory", "REPUDIATION", "riskLikelihood", 3L, "riskImpact", 4L);
    }

    @Test
    void withoutATitleNoRiskIsIdentified() {
        assertThat(IdentifiedRisk.from(execution(variables("riskTitle", "  ", "riskLikelihood", 9L)),
                LifecycleStage.INCEPTION)).isEmpty();
        assertThat(IdentifiedRisk.from(execution(variables()), LifecycleStage.INCEPTION)).isEmpty();
    }

    @Test
    void aTitledRiskCarriesTheStageAndTheFields() {
        RiskDetails risk = IdentifiedRisk.from(execution(riskBlock()), LifecycleStage.INCEPTION).orElseThrow();

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

        assertThatThrownBy(() -> IdentifiedRisk.from(execution(block), LifecycleStage.INCEPTION))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskLikelihood' is required");
    }

    @Test
    void aTitleWithoutImpactIsRefusedNamingRiskImpact() {
        Map<String, Object> block = riskBlock();
        block.put("riskImpact", "");

        assertThatThrownBy(() -> IdentifiedRisk.from(execution(block), LifecycleStage.INCEPTION))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskImpact' is required");
    }

    @Test
    void aTitleWithoutDescriptionOrCategoryIsRefused() {
        Map<String, Object> noDescription = riskBlock();
        noDescription.remove("riskDescription");
        Map<String, Object> badCategory = riskBlock();
        badCategory.put("riskCategory", "BIAS");

        assertThatThrownBy(() -> IdentifiedRisk.from(execution(noDescription), LifecycleStage.INCEPTION))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'riskDescription'");
        assertThatThrownBy(() -> IdentifiedRisk.from(execution(badCategory), LifecycleStage.INCEPTION))
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
