package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records who contained the incident, how and when (time to contain). */
@Component("recordContainment")
class RecordContainmentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    RecordContainmentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.recordContainment(incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId(),
                Actors.acting(execution), IncidentVariables.CONTAINMENT_ACTIONS.orNull(execution),
                IncidentVariables.CONTAINED.orElse(execution, false));
    }
}
