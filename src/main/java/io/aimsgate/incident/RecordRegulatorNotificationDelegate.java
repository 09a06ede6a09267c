package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the authority's submission reference and the time to notify. */
@Component("recordRegulatorNotification")
class RecordRegulatorNotificationDelegate implements JavaDelegate {

    private final IncidentService incidents;

    RecordRegulatorNotificationDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.recordRegulatorNotification(
                incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId(),
                IncidentVariables.SUBMISSION_REFERENCE.orNull(execution));
    }
}
