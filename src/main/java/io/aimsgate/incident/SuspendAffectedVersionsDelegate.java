package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** SEV1/SEV2: suspends every affected version at once; the pipeline check then answers 409 naming the incident. */
@Component("suspendAffectedVersions")
class SuspendAffectedVersionsDelegate implements JavaDelegate {

    private final IncidentService incidents;

    SuspendAffectedVersionsDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.suspendAffectedVersions(incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId());
    }
}
