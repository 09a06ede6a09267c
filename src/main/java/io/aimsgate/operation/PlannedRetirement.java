package io.aimsgate.operation;

import static io.aimsgate.operation.OperationVariables.*;

import io.aimsgate.shared.CrossFieldRules;
import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "plan a retirement" (A.6.2.6, A.7): why, what replaces it, what happens to its data, who depends on it.
 * The rules are the retirement-plan form's; {@link OperationService#recordPlan} validates them.
 */
@CrossFieldRules
public record PlannedRetirement(
        @NotNull(message = "is required") RetirementPlan.Reason retirementReason,
        @Size(max = 200) String replacedBy,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String dataRetentionPlan,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String deletionPlan,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String dependentSystems) implements CrossFieldRules.Checked {

    public static PlannedRetirement fromForm(VariableScope scope) {
        return new PlannedRetirement(RETIREMENT_REASON.orNull(scope), REPLACED_BY.orNull(scope),
                DATA_RETENTION_PLAN.orNull(scope), DELETION_PLAN.orNull(scope), DEPENDENT_SYSTEMS.orNull(scope));
    }

    @Override
    public Map<String, String> brokenRules() {
        return retirementReason == RetirementPlan.Reason.REPLACED && (replacedBy == null || replacedBy.isBlank())
                ? Map.of("replacedBy", "is required when the system is retired because it was replaced") : Map.of();
    }
}
