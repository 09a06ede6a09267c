package io.aimsgate.validation.internal;

import io.aimsgate.shared.Actors;
import io.aimsgate.validation.ValidationService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Holds every metric to the system's objectives; each breach is registered as a risk (stage V&V). */
@Component("evaluateValidationThresholds")
class EvaluateValidationThresholdsDelegate implements JavaDelegate {

    static final String BREACH_COUNT = ValidationVariables.BREACH_COUNT.name();
    static final String BREACH_SUMMARY = ValidationVariables.BREACH_SUMMARY.name();

    private final ValidationService validations;

    EvaluateValidationThresholdsDelegate(ValidationService validations) {
        this.validations = validations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ValidationService.Breach> breaches = validations.evaluate(
                ValidationVariables.VALIDATION_ID.get(execution), Actors.acting(execution));
        ValidationVariables.BREACH_COUNT.set(execution, (long) breaches.size());
        ValidationVariables.BREACH_SUMMARY.set(execution, ValidationService.summary(breaches));
    }
}
