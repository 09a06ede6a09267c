package io.aimsgate.inception.internal;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleDecisions.REJECTION_REASON;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.aimsgate.inception.InceptionService;
import io.aimsgate.inventory.EuAiActTier;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The tier the eu-ai-act-tier DMN gave, applied to the screening, the system and the gateway's variables. */
class ApplyEuAiActTierDelegateTest {

    InceptionService inception = mock(InceptionService.class);
    ApplyEuAiActTierDelegate delegate = new ApplyEuAiActTierDelegate(inception);

    static DelegateExecution classified(String tier, String reason) {
        return execution(variables(GATE_ID, 42L, "tierClassification", variables("tier", tier, "tierReason", reason)));
    }

    @Test
    void anUnacceptableTierCarriesItsArticleAsTheRejectionReason() {
        DelegateExecution execution = classified("UNACCEPTABLE", "Art. 5(1)(c) social scoring");

        delegate.execute(execution);

        verify(inception).classify(42L, EuAiActTier.UNACCEPTABLE, "Art. 5(1)(c) social scoring");
        assertThat(execution.getVariable("euAiActTier")).isEqualTo("UNACCEPTABLE");
        assertThat(execution.getVariable("tierReason")).isEqualTo("Art. 5(1)(c) social scoring");
        assertThat(execution.getVariable(REJECTION_REASON))
                .isEqualTo("Prohibited AI practice under the EU AI Act: Art. 5(1)(c) social scoring");
        assertThat(execution.getVariable("tierClassification")).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = EuAiActTier.class, names = "UNACCEPTABLE", mode = EnumSource.Mode.EXCLUDE)
    void anyOtherTierSetsNoRejectionReason(EuAiActTier tier) {
        DelegateExecution execution = classified(tier.name(), "Art. 6(2), Annex III point 5(b)");

        delegate.execute(execution);

        verify(inception).classify(42L, tier, "Art. 6(2), Annex III point 5(b)");
        assertThat(execution.getVariable("euAiActTier")).isEqualTo(tier.name());
        assertThat(execution.getVariable("tierReason")).isEqualTo("Art. 6(2), Annex III point 5(b)");
        assertThat(execution.getVariable(REJECTION_REASON)).isNull();
    }

    @Test
    void withoutAReasonTheTierNamesItself() {
        DelegateExecution execution = classified("MINIMAL", null);

        delegate.execute(execution);

        verify(inception).classify(42L, EuAiActTier.MINIMAL, "MINIMAL");
        assertThat(execution.getVariable("tierReason")).isEqualTo("MINIMAL");
    }

    @Test
    void aDecisionWithoutATierIsAnError() {
        DelegateExecution noTier = execution(variables(GATE_ID, 42L, "tierClassification", Map.of("tierReason", "x")));
        DelegateExecution noResult = execution(variables(GATE_ID, 42L));

        assertThatThrownBy(() -> delegate.execute(noTier)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delegate.execute(noResult)).isInstanceOf(IllegalStateException.class);
        verify(inception, never()).classify(any(), any(), any());
    }
}
