package io.aimsgate.validation.internal;

import io.aimsgate.gate.GateActors;
import io.aimsgate.shared.ProcessVariables;
import io.aimsgate.validation.ValidationService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Holds every metric to the system's objectives; each breach is registered as a risk (stage V&V). */
@Component("evaluateValidationThresholds")
class EvaluateValidationThresholdsDelegate implements JavaDelegate {

    static final String BREACH_COUNT = "thresholdBreachCount";
    static final String BREACH_SUMMARY = "thresholdBreachSummary";

    private final ValidationService validations;

    EvaluateValidationThresholdsDelegate(ValidationService validations) {
        this.validations = validations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        List<ValidationService.Breach> breaches = validations.evaluate(
                ProcessVariables.requiredLong(execution, RecordValidationResultsDelegate.VALIDATION_ID),
                GateActors.actingUser(execution));
        execution.setVariable(BREACH_COUNT, (long) breaches.size());
        execution.setVariable(BREACH_SUMMARY, ValidationService.summary(breaches));
    }
}
