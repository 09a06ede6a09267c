package io.aimsgate.operation;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "record a re-evaluation's findings": what the Responsible engineer found and recommends, stored with
 * the Accountable's outcome ({@link OperationService#recordAssessment} validates it).
 */
public record ReevaluationFindings(
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String findings,
        @NotNull(message = "is required") Recommendation recommendation) {

    /** What the Responsible engineer may recommend; the Accountable's decision offers the same three. */
    public enum Recommendation {
        CONTINUE, SUSPEND, RETIRE
    }

    public static ReevaluationFindings fromForm(VariableScope scope) {
        return new ReevaluationFindings(OperationVariables.FINDINGS.orNull(scope),
                OperationVariables.RECOMMENDATION.orNull(scope));
    }
}
