package io.aimsgate.validation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.gate.GateActors;
import io.aimsgate.shared.FormValues;
import io.aimsgate.shared.ProcessVariables;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.validation.ValidationRun;
import io.aimsgate.validation.ValidationService;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes the validation results into the gate: a run a pipeline already posted (variable validationId), or the
 * Tasklist start form's fields stored as a new run.
 */
@Component("recordValidationResults")
class RecordValidationResultsDelegate implements JavaDelegate {

    static final String VALIDATION_ID = "validationId";
    static final String VERSION_LABEL = "versionLabel";
    static final int MAX_NOTES = 4000;

    private final ValidationService validations;

    RecordValidationResultsDelegate(ValidationService validations) {
        this.validations = validations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long systemId = ProcessVariables.requiredLong(execution, SYSTEM_ID);
        Long gateId = ProcessVariables.requiredLong(execution, GATE_ID);
        Long validationId = execution.getVariable(VALIDATION_ID) == null ? null
                : ProcessVariables.requiredLong(execution, VALIDATION_ID);
        ValidationRun run = validationId != null ? validations.require(systemId, validationId)
                : validations.submit(systemId, fromForm(execution), GateActors.actingUser(execution));
        validations.attach(run.getId(), systemId, gateId);
        execution.setVariable(VALIDATION_ID, run.getId());
        execution.setVariable(VERSION_LABEL, run.getVersionLabel());
    }

    /** The start form's fixed fields: three performance metrics, two fairness metrics on one attribute, one robustness. */
    static ValidationService.Submission fromForm(DelegateExecution execution) {
        List<ValidationService.Measurement> metrics = new ArrayList<>();
        metric(execution, metrics, MetricKind.PERFORMANCE, "accuracy", null, true);
        metric(execution, metrics, MetricKind.PERFORMANCE, "precision", null, false);
        metric(execution, metrics, MetricKind.PERFORMANCE, "recall", null, false);
        String attribute = FormValues.optionalText(execution, "protectedAttribute", 100);
        int fairness = metrics.size();
        metric(execution, metrics, MetricKind.FAIRNESS, "demographicParityDifference", attribute, false);
        metric(execution, metrics, MetricKind.FAIRNESS, "equalOpportunityDifference", attribute, false);
        if (metrics.size() > fairness && attribute == null) {
            throw new org.camunda.bpm.engine.BadUserRequestException(
                    "'protectedAttribute' is required with fairness metrics: name the attribute they were measured on");
        }
        metric(execution, metrics, MetricKind.ROBUSTNESS, "adversarialAccuracy", null, false);
        return new ValidationService.Submission(FormValues.text(execution, VERSION_LABEL, 1, 64), metrics,
                FormValues.text(execution, "robustnessNotes", 10, MAX_NOTES),
                FormValues.text(execution, "explainabilityNotes", 10, MAX_NOTES),
                new ValidationRun.ModelCard(FormValues.text(execution, "cardIntendedUse", 10, MAX_NOTES),
                        FormValues.text(execution, "cardLimitations", 10, MAX_NOTES),
                        FormValues.text(execution, "cardFailureCases", 10, MAX_NOTES),
                        FormValues.text(execution, "cardTrainingData", 10, MAX_NOTES)));
    }

    private static void metric(DelegateExecution execution, List<ValidationService.Measurement> metrics,
            MetricKind kind, String name, String attribute, boolean required) {
        Double value = FormValues.optionalDouble(execution, name, 0, 1);
        if (value == null && required) {
            throw new org.camunda.bpm.engine.BadUserRequestException("'" + name + "' is required");
        }
        if (value != null) {
            metrics.add(new ValidationService.Measurement(kind, name, attribute, value));
        }
    }
}
