package io.aimsgate.validation;

import io.aimsgate.shared.CrossFieldRules;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The command "submit verification and validation results", the same through both doors: the JSON body of
 * {@code POST /api/systems/{id}/validations} and the fields of the V&V gate's Tasklist start form
 * ({@link RecordValidationResultsDelegate#fromForm}). {@link ValidationService#submit} validates it; these are the
 * rules, the stricter of what the two doors used to check.
 */
public record ValidationSubmission(
        @NotBlank(message = "is required") @Size(max = 64) String versionLabel,
        @NotEmpty(message = "needs at least one metric") @Size(max = 200) List<@Valid @NotNull Measurement> metrics,
        @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                message = NOTES_LENGTH) String robustnessNotes,
        @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                message = NOTES_LENGTH) String explainabilityNotes,
        @NotNull(message = "is required") @Valid ModelCard modelCard) {

    public static final int MIN_NOTES = 10;
    public static final int MAX_NOTES = 4000;
    static final String NOTES_LENGTH = "must be " + MIN_NOTES + " to " + MAX_NOTES + " characters";
    public static final String METRIC_NAME = ValidationMetric.NAME_PATTERN;

    public ValidationSubmission {
        versionLabel = stripped(versionLabel);
        robustnessNotes = stripped(robustnessNotes);
        explainabilityNotes = stripped(explainabilityNotes);
    }

    /** What the model card says; every part is a sentence or more. */
    public record ModelCard(
            @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                    message = NOTES_LENGTH) String intendedUse,
            @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                    message = NOTES_LENGTH) String limitations,
            @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                    message = NOTES_LENGTH) String failureCases,
            @MultiLine @NotBlank(message = "is required") @Size(min = MIN_NOTES, max = MAX_NOTES,
                    message = NOTES_LENGTH) String trainingData) {

        public ModelCard {
            intendedUse = stripped(intendedUse);
            limitations = stripped(limitations);
            failureCases = stripped(failureCases);
            trainingData = stripped(trainingData);
        }

        public ValidationRun.ModelCard toRecord() {
            return new ValidationRun.ModelCard(intendedUse, limitations, failureCases, trainingData);
        }
    }

    /**
     * One measured value. Performance, fairness and robustness metrics are rates or differences of rates, so their
     * value lies in 0..1; a drift measure (PSI, KL divergence) is at least 0. A fairness metric names the protected
     * attribute it was measured on.
     */
    @CrossFieldRules
    public record Measurement(@NotNull(message = "is required") MetricKind kind,
            @NotBlank(message = "is required") @Pattern(regexp = METRIC_NAME) String metric,
            @Size(max = 100) String protectedAttribute,
            @NotNull(message = "is required") Double value) implements CrossFieldRules.Checked {

        public Measurement {
            protectedAttribute = stripped(protectedAttribute);
            protectedAttribute = protectedAttribute == null || protectedAttribute.isEmpty() ? null : protectedAttribute;
        }

        @Override
        public Map<String, String> brokenRules() {
            Map<String, String> broken = new LinkedHashMap<>();
            if (kind == null) {
                return broken;
            }
            double max = kind == MetricKind.DRIFT ? MAX_DRIFT : 1;
            if (value != null && (!Double.isFinite(value) || value < 0 || value > max)) {
                broken.put("value", "must be between 0 and " + (kind == MetricKind.DRIFT ? "1000000" : "1")
                        + " for a " + kind.name().toLowerCase(Locale.ROOT) + " metric");
            }
            if (kind == MetricKind.FAIRNESS && protectedAttribute == null) {
                broken.put("protectedAttribute", "is required for a fairness metric: name the attribute it was "
                        + "measured on");
            }
            return broken;
        }
    }

    static final double MAX_DRIFT = 1_000_000;

    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
