package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records the incident-severity decision on the incident and sets the SLA timer, the suspension flag and the regulator alert date. */
@Component("applyIncidentClassification")
class ApplyIncidentClassificationDelegate implements JavaDelegate {

    private final IncidentService incidents;

    ApplyIncidentClassificationDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> classification = (Map<?, ?>) execution.getVariable(CLASSIFICATION);
        if (classification == null || classification.get(SEVERITY) == null) {
            throw new IllegalStateException("The incident-severity decision produced no classification");
        }
        Object days = classification.get("notificationDays");
        Incident incident = incidents.requireByProcessInstance(execution.getProcessInstanceId());
        IncidentService.Classification result = incidents.classify(incident.getId(),
                IncidentSeverity.valueOf(classification.get(SEVERITY).toString()),
                Boolean.TRUE.equals(classification.get(SERIOUS_INCIDENT)),
                days instanceof Number n ? n.intValue() : null);
        execution.setVariable(SEVERITY, result.severity().name());
        execution.setVariable(SERIOUS_INCIDENT, result.serious());
        execution.setVariable(SUSPENSION_REQUIRED, result.suspensionRequired());
        execution.setVariable(CONTAINMENT_SLA, result.containmentSla().toString());
        if (result.regulatorDeadline() != null) {
            execution.setVariable(REGULATOR_DEADLINE, result.regulatorDeadline().toString());
            execution.setVariable(REGULATOR_ESCALATION_AT, Date.from(result.regulatorEscalationAt()));
        }
    }
}
