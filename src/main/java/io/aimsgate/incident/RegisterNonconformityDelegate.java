package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
import static io.aimsgate.incident.IncidentProcess.*;
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
        String raisedBy = Actors.acting(execution);
        if (!Actors.isUser(raisedBy)) {
            throw new BadUserRequestException("A nonconformity must be raised by an authenticated user");
        }
        Nonconformity nonconformity = nonconformities.register(execution.getProcessInstanceId(),
                NonconformityReport.fromForm(execution), raisedBy);
        execution.setVariable(NONCONFORMITY_ID, nonconformity.getId());
        execution.setVariable(SUBJECT_TYPE, SubjectType.NONCONFORMITY.name());
    }
}
