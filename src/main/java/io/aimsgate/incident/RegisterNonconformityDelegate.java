package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;
import io.aimsgate.shared.ProcessVariables;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores a raised nonconformity; the person who raised it is the authenticated user. */
@Component("registerNonconformity")
class RegisterNonconformityDelegate implements JavaDelegate {

    private final NonconformityService nonconformities;

    RegisterNonconformityDelegate(NonconformityService nonconformities) {
        this.nonconformities = nonconformities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String raisedBy = ProcessValues.actor(execution);
        if (ProcessValues.SYSTEM_ACTOR.equals(raisedBy)) {
            throw new BadUserRequestException("A nonconformity must be raised by an authenticated user");
        }
        Object system = execution.getVariable(SYSTEM_ID);
        String requirement = ProcessValues.text(execution, REQUIREMENT);
        String description = ProcessValues.text(execution, DESCRIPTION);
        if (requirement == null || requirement.length() > 200 || description == null || description.length() > 4000) {
            throw new BadUserRequestException("A nonconformity needs the requirement not met (at most 200 characters) "
                    + "and a description (at most 4000)");
        }
        NonconformitySource source;
        try {
            source = NonconformitySource.valueOf(String.valueOf(execution.getVariable(SOURCE)));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("\u0027source\u0027 must be one of " + java.util.Arrays.toString(NonconformitySource.values()));
        }
        Nonconformity nonconformity = nonconformities.register(execution.getProcessInstanceId(),
                system == null || system.toString().isBlank() ? null : ProcessVariables.requiredLong(execution, SYSTEM_ID),
                source, requirement, description, raisedBy);
        execution.setVariable(NONCONFORMITY_ID, nonconformity.getId());
        execution.setVariable(SUBJECT_TYPE, SubjectType.NONCONFORMITY.name());
    }
}
