package io.aimsgate.incident;

import io.aimsgate.shared.MultiLine;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "raise a nonconformity", the same through both doors: the JSON body of {@code POST /api/nonconformities}
 * and the Tasklist start form of the nonconformity process; {@link NonconformityService} validates it.
 */
public record NonconformityReport(@Min(value = 1, message = "must be a positive id") Long systemId,
        @NotNull(message = "is required") NonconformitySource source,
        @NotBlank(message = "is required") @Size(max = 200) String requirement,
        @MultiLine @NotBlank(message = "is required") @Size(max = 4000) String description) {

    public NonconformityReport {
        requirement = requirement == null ? null : requirement.strip();
        description = description == null ? null : description.strip();
    }

    static NonconformityReport fromForm(VariableScope scope) {
        return new NonconformityReport(IncidentVariables.SYSTEM_ID.orNull(scope), IncidentVariables.SOURCE.orNull(scope),
                IncidentVariables.REQUIREMENT.orNull(scope), IncidentVariables.DESCRIPTION.orNull(scope));
    }

    /**
     * The process variables the start form would have set, for the doors that start the same process without it (the
     * REST API, an internal audit's findings).
     */
    public java.util.Map<String, Object> asVariables() {
        java.util.Map<String, Object> variables = new java.util.HashMap<>();
        IncidentVariables.SYSTEM_ID.putInto(variables, systemId);
        IncidentVariables.SOURCE.putInto(variables, source);
        IncidentVariables.REQUIREMENT.putInto(variables, requirement);
        IncidentVariables.DESCRIPTION.putInto(variables, description);
        return variables;
    }
}
