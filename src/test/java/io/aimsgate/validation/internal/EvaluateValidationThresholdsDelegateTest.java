package io.aimsgate.validation.internal;

import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.validation.MetricBound;
import io.aimsgate.validation.ValidationService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** The breaches of the run under validation, as the variables the approval form shows. */
class EvaluateValidationThresholdsDelegateTest {

    ValidationService validations = mock(ValidationService.class);
    EvaluateValidationThresholdsDelegate delegate = new EvaluateValidationThresholdsDelegate(validations);

    @Test
    void setsTheBreachCountAndSummary() {
        when(validations.evaluate(900L, "mia")).thenReturn(List.of(
                new ValidationService.Breach("demographicParityDifference", "gender", 0.14, MetricBound.MAX, 0.1, 55L),
                new ValidationService.Breach("accuracy", null, 0.7, MetricBound.MIN, 0.8, 56L)));
        DelegateExecution execution = execution(variables("validationId", 900L), "mia");

        delegate.execute(execution);

        assertThat(execution.getVariable("thresholdBreachCount")).isEqualTo(2L);
        assertThat(execution.getVariable("thresholdBreachSummary"))
                .isEqualTo("demographicParityDifference [gender] = 0.14 >= 0.1 (risk 55)\naccuracy = 0.7 < 0.8 (risk 56)");
    }

    @Test
    void noBreachIsCountedAsZero() {
        when(validations.evaluate(900L, io.aimsgate.shared.Actors.PLATFORM)).thenReturn(List.of());
        DelegateExecution execution = execution(variables("validationId", 900L));

        delegate.execute(execution);

        assertThat(execution.getVariable("thresholdBreachCount")).isEqualTo(0L);
        assertThat(execution.getVariable("thresholdBreachSummary")).isEqualTo("No metric breaches its objective.");
    }
}
