package io.aimsgate.validation.internal;

import io.aimsgate.validation.ValidationSubmission;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleDecisions.SYSTEM_ID;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.Commands;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.validation.ValidationRun;
import io.aimsgate.validation.ValidationService;
import io.aimsgate.validation.ValidationServiceTest;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/** Validation results from the start form (or a run a pipeline posted), attached to the gate run. */
class RecordValidationResultsDelegateTest {

    ValidationService validations = mock(ValidationService.class);
    RecordValidationResultsDelegate delegate = new RecordValidationResultsDelegate(validations);

    /** The delegate with a service that applies the real rules ({@link ValidationService#submit} validates so). */
    void submitThroughTheRules(Map<String, Object> variables) {
        when(validations.submit(any(), any(), any())).thenAnswer(call -> {
            Commands.validate(call.<ValidationSubmission>getArgument(1));
            return ValidationServiceTest.run();
        });
        delegate.execute(execution(variables, "mia"));
    }

    static Map<String, Object> form() {
        return variables(SYSTEM_ID, 7L, GATE_ID, 42L, "versionLabel", "1.4.0", "accuracy", 0.91d,
                "robustnessNotes", "Stable under input noise.", "explainabilityNotes", "SHAP summary attached.",
                "cardIntendedUse", "Consumer loan scoring.", "cardLimitations", "Not for business loans.",
                "cardFailureCases", "Thin credit files.", "cardTrainingData", "Loans 2019-2025, EU only.");
    }

    @Test
    void accuracyAloneMakesASubmission() {
        ValidationSubmission submission = RecordValidationResultsDelegate.fromForm(execution(form()));

        assertThat(submission.versionLabel()).isEqualTo("1.4.0");
        assertThat(submission.metrics()).containsExactly(new ValidationSubmission.Measurement(MetricKind.PERFORMANCE,
                "accuracy", null, 0.91));
        assertThat(submission.robustnessNotes()).isEqualTo("Stable under input noise.");
        assertThat(submission.modelCard()).isEqualTo(new ValidationSubmission.ModelCard("Consumer loan scoring.",
                "Not for business loans.", "Thin credit files.", "Loans 2019-2025, EU only."));
    }

    @Test
    void accuracyIsRequired() {
        Map<String, Object> variables = form();
        variables.remove("accuracy");
        variables.put("precision", 0.8d);

        assertThatThrownBy(() -> submitThroughTheRules(variables))
                .isInstanceOf(BadUserRequestException.class).hasMessage("'accuracy' is required");
        verify(validations).submit(any(), any(), any());
    }

    @Test
    void everyMetricGivenIsTakenWithItsKindAndFairnessWithItsAttribute() {
        Map<String, Object> variables = form();
        variables.putAll(variables("precision", 0.8d, "recall", "0.75", "protectedAttribute", " gender ",
                "demographicParityDifference", 0.04d, "equalOpportunityDifference", 0.06d,
                "adversarialAccuracy", 0.65d));

        ValidationSubmission submission = RecordValidationResultsDelegate.fromForm(execution(variables));

        assertThat(submission.metrics()).containsExactly(
                new ValidationSubmission.Measurement(MetricKind.PERFORMANCE, "accuracy", null, 0.91),
                new ValidationSubmission.Measurement(MetricKind.PERFORMANCE, "precision", null, 0.8),
                new ValidationSubmission.Measurement(MetricKind.PERFORMANCE, "recall", null, 0.75),
                new ValidationSubmission.Measurement(MetricKind.FAIRNESS, "demographicParityDifference", "gender", 0.04),
                new ValidationSubmission.Measurement(MetricKind.FAIRNESS, "equalOpportunityDifference", "gender", 0.06),
                new ValidationSubmission.Measurement(MetricKind.ROBUSTNESS, "adversarialAccuracy", null, 0.65));
    }

    @Test
    void fairnessMetricsNeedTheProtectedAttribute() {
        Map<String, Object> variables = form();
        variables.put("equalOpportunityDifference", 0.06d);

        assertThatThrownBy(() -> submitThroughTheRules(variables))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'protectedAttribute' is required for a fairness metric");
    }

    @Test
    void aMetricOutsideZeroToOneIsRefused() {
        Map<String, Object> variables = form();
        variables.put("recall", 1.2d);

        assertThatThrownBy(() -> submitThroughTheRules(variables))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'recall'");
    }

    @Test
    void shortNotesOrModelCardFieldsAreRefused() {
        Map<String, Object> variables = form();
        variables.put("cardLimitations", "None");

        assertThatThrownBy(() -> submitThroughTheRules(variables))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("'cardLimitations'");
    }

    @Test
    void theFormIsStoredAsANewRunAttachedToTheGate() {
        ValidationRun run = ValidationServiceTest.run();
        when(validations.submit(eq(7L), any(), anyString())).thenReturn(run);
        DelegateExecution execution = execution(form(), "mia");

        delegate.execute(execution);

        verify(validations).submit(eq(7L), any(), eq("mia"));
        verify(validations).attach(ValidationServiceTest.RUN, 7L, 42L);
        assertThat(execution.getVariable("validationId")).isEqualTo(ValidationServiceTest.RUN);
        assertThat(execution.getVariable("versionLabel")).isEqualTo("1.4.0");
    }

    @Test
    void aRunAPipelinePostedIsUsedAsIs() {
        ValidationRun run = ValidationServiceTest.run();
        when(validations.require(7L, ValidationServiceTest.RUN)).thenReturn(run);
        DelegateExecution execution = execution(variables(SYSTEM_ID, 7L, GATE_ID, 42L, "validationId",
                ValidationServiceTest.RUN));

        delegate.execute(execution);

        verify(validations, never()).submit(any(), any(), any());
        verify(validations).attach(ValidationServiceTest.RUN, 7L, 42L);
        assertThat(execution.getVariable("versionLabel")).isEqualTo("1.4.0");
    }
}
