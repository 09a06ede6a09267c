package io.aimsgate.inception;

import static io.aimsgate.inception.InceptionVariables.*;

import io.aimsgate.inventory.AiType;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "screen an inception": the inception statement and the EU AI Act screening answers of the inception
 * gate's start form. {@link InceptionService#recordScreening} validates it.
 */
public record ScreeningAnswers(
        @MultiLine @NotBlank(message = "is required") @Size(min = 10, max = 4000,
                message = "must be 10 to 4000 characters") String intendedUse,
        @MultiLine @NotBlank(message = "is required") @Size(min = 10, max = 4000,
                message = "must be 10 to 4000 characters") String affectedPeople,
        @NotNull(message = "is required") AiType aiType,
        @NotNull(message = "is required") ProhibitedPractice prohibitedPractice,
        @NotNull(message = "is required") AnnexIIIArea annexIIIArea,
        boolean safetyComponent, boolean interactsWithPeople, boolean generatesSyntheticContent) {

    /** The start form's fields; a checkbox the form left untouched (not sent) is unticked. */
    public static ScreeningAnswers fromForm(VariableScope scope) {
        return new ScreeningAnswers(INTENDED_USE.orNull(scope), AFFECTED_PEOPLE.orNull(scope), AI_TYPE.orNull(scope),
                PROHIBITED_PRACTICE.orNull(scope), ANNEX_III_AREA.orNull(scope), SAFETY_COMPONENT.orElse(scope, false),
                INTERACTS_WITH_PEOPLE.orElse(scope, false), GENERATES_SYNTHETIC_CONTENT.orElse(scope, false));
    }
}
