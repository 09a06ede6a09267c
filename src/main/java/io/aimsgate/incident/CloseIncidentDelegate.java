package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the incident with its lessons learned. */
@Component("closeIncident")
class CloseIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    CloseIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.close(incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId(),
                Actors.acting(execution), IncidentVariables.LESSONS_LEARNED.orNull(execution));
    }
}
