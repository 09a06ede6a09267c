package io.aimsgate.validation.internal;

import static io.aimsgate.validation.internal.ValidationVariables.*;

import io.aimsgate.gate.GateVariables;
import io.aimsgate.validation.ValidationSubmission;

import static io.aimsgate.gate.LifecycleDecisions.*;

import io.aimsgate.shared.Actors;
import io.aimsgate.shared.InvalidCommandException;
import io.aimsgate.shared.ProcessVariable;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.validation.ValidationRun;
import io.aimsgate.validation.ValidationService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Takes the validation results into the gate: a run a pipeline already posted (variable validationId), or the
 * Tasklist start form's fields as a {@link ValidationSubmission}, stored by the same {@link ValidationService#submit}
 * (and so under the same rules) as the REST API's.
 */
@Component("recordValidationResults")
class RecordValidationResultsDelegate implements JavaDelegate {

    private final ValidationService validations;

    RecordValidationResultsDelegate(ValidationService validations) {
        this.validations = validations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long systemId = GateVariables.SYSTEM_ID.get(execution);
        Long gateId = GateVariables.GATE_ID.get(execution);
        Long validationId = VALIDATION_ID.orNull(execution);
        ValidationRun run = validationId != null ? validations.require(systemId, validationId)
                : submitForm(execution, systemId);
        validations.attach(run.getId(), systemId, gateId);
        VALIDATION_ID.set(execution, run.getId());
        VERSION_LABEL.set(execution, run.getVersionLabel());
    }

    private ValidationRun submitForm(DelegateExecution execution, Long systemId) {
        Map<String, String> formNames = new LinkedHashMap<>(FORM_NAMES);
        ValidationSubmission submission = fromForm(execution, formNames);
        try {
            return validations.submit(systemId, submission, Actors.acting(execution));
        } catch (InvalidCommandException refused) {
            throw refused.renamed(formNames);
        }
    }

    static ValidationSubmission fromForm(DelegateExecution execution) {
        return fromForm(execution, new LinkedHashMap<>());
    }

    /**
     * The start form's fixed fields as the command: three performance metrics, two fairness metrics on one
     * attribute, one robustness metric, the notes and the model card. Records which form field filled which metric,
     * so that a refusal names the field the user sees.
     */
    static ValidationSubmission fromForm(DelegateExecution execution, Map<String, String> formNames) {
        List<ValidationSubmission.Measurement> metrics = new ArrayList<>();
        String attribute = PROTECTED_ATTRIBUTE.orNull(execution);
        metric(execution, metrics, formNames, MetricKind.PERFORMANCE, ACCURACY, null, true);
        metric(execution, metrics, formNames, MetricKind.PERFORMANCE, PRECISION, null, false);
        metric(execution, metrics, formNames, MetricKind.PERFORMANCE, RECALL, null, false);
        metric(execution, metrics, formNames, MetricKind.FAIRNESS, DEMOGRAPHIC_PARITY, attribute, false);
        metric(execution, metrics, formNames, MetricKind.FAIRNESS, EQUAL_OPPORTUNITY, attribute, false);
        metric(execution, metrics, formNames, MetricKind.ROBUSTNESS, ADVERSARIAL_ACCURACY, null, false);
        return new ValidationSubmission(VERSION_LABEL.orNull(execution), metrics, ROBUSTNESS_NOTES.orNull(execution),
                EXPLAINABILITY_NOTES.orNull(execution), new ValidationSubmission.ModelCard(
                        CARD_INTENDED_USE.orNull(execution), CARD_LIMITATIONS.orNull(execution),
                        CARD_FAILURE_CASES.orNull(execution), CARD_TRAINING_DATA.orNull(execution)));
    }

    /** A metric field left empty is not measured; accuracy is always measured (the form requires it). */
    private static void metric(DelegateExecution execution, List<ValidationSubmission.Measurement> metrics,
            Map<String, String> formNames, MetricKind kind, ProcessVariable<Double> field, String attribute,
            boolean required) {
        Double value = field.orNull(execution);
        if (value == null && !required) {
            return;
        }
        String path = "metrics[" + metrics.size() + "]";
        formNames.put(path + ".value", field.name());
        formNames.put(path, field.name());
        formNames.put(path + ".protectedAttribute", PROTECTED_ATTRIBUTE.name());
        metrics.add(new ValidationSubmission.Measurement(kind, field.name(), attribute, value));
    }
}
