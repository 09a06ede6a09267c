package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Lifts the suspension on the board's decision; the service re-checks containment and risk itself. */
@Component("resumeSuspendedVersions")
class ResumeSuspendedVersionsDelegate implements JavaDelegate {

    private final IncidentService incidents;

    ResumeSuspendedVersionsDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.resume(incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId(),
                Actors.acting(execution));
    }
}
