package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the governance board about a SEV1/SEV2 incident and the suspension. */
@Component("notifyGovernanceBoard")
class NotifyGovernanceBoardDelegate implements JavaDelegate {

    private final IncidentService incidents;

    NotifyGovernanceBoardDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incidents.notifyBoard(incidents.requireByProcessInstance(execution.getProcessInstanceId()).getId());
    }
}
