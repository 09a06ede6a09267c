package io.aimsgate.incident;

import static io.aimsgate.incident.IncidentProcess.*;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Stores a reported incident (REST or Tasklist start form); the reporter is the authenticated user. Prepares the DMN inputs. */
@Component("registerIncident")
class RegisterIncidentDelegate implements JavaDelegate {

    private final IncidentService incidents;

    RegisterIncidentDelegate(IncidentService incidents) {
        this.incidents = incidents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reporter = ProcessValues.actor(execution);
        if (ProcessValues.SYSTEM_ACTOR.equals(reporter)) {
            throw new BadUserRequestException("An incident must be reported by an authenticated user");
        }
        IncidentReport report = IncidentReports.fromVariables(execution);
        Incident incident = incidents.register(execution.getProcessInstanceId(), report, reporter);
        execution.setVariable(INCIDENT_ID, incident.getId());
        execution.setVariable(INCIDENT_TITLE, incident.getTitle());
        execution.setVariable(SUBJECT_TYPE, SubjectType.INCIDENT.name());
        // The DMN reads exactly these inputs: normalised from the stored incident, never raw form values.
        Harms harms = incident.getHarms();
        execution.setVariable(TYPE, incident.getType().name());
        execution.setVariable(HIGH_RISK_SYSTEM, incident.isHighRiskSystem());
        execution.setVariable(DEATH, harms.death());
        execution.setVariable(SERIOUS_HEALTH_HARM, harms.seriousHealthHarm());
        execution.setVariable(CRITICAL_INFRASTRUCTURE, harms.criticalInfrastructureDisruption());
        execution.setVariable(WIDESPREAD_INFRINGEMENT, harms.widespreadInfringement());
        execution.setVariable(FUNDAMENTAL_RIGHTS, harms.fundamentalRightsInfringement());
        execution.setVariable(PROPERTY_OR_ENVIRONMENT, harms.propertyOrEnvironmentHarm());
    }
}
