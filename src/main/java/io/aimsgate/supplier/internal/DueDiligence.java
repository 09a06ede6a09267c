package io.aimsgate.supplier.internal;

import io.aimsgate.shared.MultiLine;
import io.aimsgate.shared.ProcessVariable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The command "record a supplier's due diligence" (A.10.3): the rules of the supplier-due-diligence form, checked by
 * {@link SupplierAssessments#record} whatever the door (Tasklist, engine REST).
 */
record DueDiligence(
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String trainingDataProvenance,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String modelDocumentation,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String securityPractices,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String incidentNotification,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String contractualSafeguards,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String auditRights,
        @MultiLine @NotBlank(message = "is required") @Size(min = 20, max = 8000,
                message = "must be 20 to 8000 characters") String exitPlan) {

    static final ProcessVariable<String> TRAINING_DATA_PROVENANCE = ProcessVariable.text("trainingDataProvenance");
    static final ProcessVariable<String> MODEL_DOCUMENTATION = ProcessVariable.text("modelDocumentation");
    static final ProcessVariable<String> SECURITY_PRACTICES = ProcessVariable.text("securityPractices");
    static final ProcessVariable<String> INCIDENT_NOTIFICATION = ProcessVariable.text("incidentNotification");
    static final ProcessVariable<String> CONTRACTUAL_SAFEGUARDS = ProcessVariable.text("contractualSafeguards");
    static final ProcessVariable<String> AUDIT_RIGHTS = ProcessVariable.text("auditRights");
    static final ProcessVariable<String> EXIT_PLAN = ProcessVariable.text("exitPlan");

    DueDiligence {
        trainingDataProvenance = strip(trainingDataProvenance);
        modelDocumentation = strip(modelDocumentation);
        securityPractices = strip(securityPractices);
        incidentNotification = strip(incidentNotification);
        contractualSafeguards = strip(contractualSafeguards);
        auditRights = strip(auditRights);
        exitPlan = strip(exitPlan);
    }

    static DueDiligence fromForm(VariableScope scope) {
        return new DueDiligence(TRAINING_DATA_PROVENANCE.orNull(scope), MODEL_DOCUMENTATION.orNull(scope),
                SECURITY_PRACTICES.orNull(scope), INCIDENT_NOTIFICATION.orNull(scope),
                CONTRACTUAL_SAFEGUARDS.orNull(scope), AUDIT_RIGHTS.orNull(scope), EXIT_PLAN.orNull(scope));
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }
}
