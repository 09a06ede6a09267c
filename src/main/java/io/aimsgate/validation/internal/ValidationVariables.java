package io.aimsgate.validation.internal;

import io.aimsgate.shared.ProcessVariable;
import java.util.Map;

/**
 * The typed variables of the verification & validation process (verification-validation.bpmn) and the fields of its
 * Tasklist start form (forms/validation-start.form).
 */
final class ValidationVariables {

    /** A run a pipeline already posted over REST; absent when the start form carried the results. */
    static final ProcessVariable<Long> VALIDATION_ID = ProcessVariable.id("validationId");
    static final ProcessVariable<String> VERSION_LABEL = ProcessVariable.text("versionLabel");
    static final ProcessVariable<Long> BREACH_COUNT = ProcessVariable.wholeNumber("thresholdBreachCount");
    static final ProcessVariable<String> BREACH_SUMMARY = ProcessVariable.text("thresholdBreachSummary");

    // the start form's fields
    static final ProcessVariable<Double> ACCURACY = ProcessVariable.number("accuracy");
    static final ProcessVariable<Double> PRECISION = ProcessVariable.number("precision");
    static final ProcessVariable<Double> RECALL = ProcessVariable.number("recall");
    static final ProcessVariable<String> PROTECTED_ATTRIBUTE = ProcessVariable.text("protectedAttribute");
    static final ProcessVariable<Double> DEMOGRAPHIC_PARITY = ProcessVariable.number("demographicParityDifference");
    static final ProcessVariable<Double> EQUAL_OPPORTUNITY = ProcessVariable.number("equalOpportunityDifference");
    static final ProcessVariable<Double> ADVERSARIAL_ACCURACY = ProcessVariable.number("adversarialAccuracy");
    static final ProcessVariable<String> ROBUSTNESS_NOTES = ProcessVariable.text("robustnessNotes");
    static final ProcessVariable<String> EXPLAINABILITY_NOTES = ProcessVariable.text("explainabilityNotes");
    static final ProcessVariable<String> CARD_INTENDED_USE = ProcessVariable.text("cardIntendedUse");
    static final ProcessVariable<String> CARD_LIMITATIONS = ProcessVariable.text("cardLimitations");
    static final ProcessVariable<String> CARD_FAILURE_CASES = ProcessVariable.text("cardFailureCases");
    static final ProcessVariable<String> CARD_TRAINING_DATA = ProcessVariable.text("cardTrainingData");

    /** The command's property paths that the start form fills from a field of another name. */
    static final Map<String, String> FORM_NAMES = Map.of(
            "modelCard.intendedUse", CARD_INTENDED_USE.name(),
            "modelCard.limitations", CARD_LIMITATIONS.name(),
            "modelCard.failureCases", CARD_FAILURE_CASES.name(),
            "modelCard.trainingData", CARD_TRAINING_DATA.name());

    private ValidationVariables() {
    }
}
