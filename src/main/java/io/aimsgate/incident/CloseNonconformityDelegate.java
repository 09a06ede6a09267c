package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the nonconformity once its corrective-action case is closed. */
@Component("closeNonconformity")
class CloseNonconformityDelegate implements JavaDelegate {

    private final NonconformityService nonconformities;

    CloseNonconformityDelegate(NonconformityService nonconformities) {
        this.nonconformities = nonconformities;
    }

    @Override
    public void execute(DelegateExecution execution) {
        nonconformities.close(nonconformities.requireByProcessInstance(execution.getProcessInstanceId()).getId());
    }
}
