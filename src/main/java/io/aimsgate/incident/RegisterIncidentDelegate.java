package io.aimsgate.incident;

import io.aimsgate.shared.Actors;
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
        String reporter = Actors.acting(execution);
        if (!Actors.isUser(reporter)) {
            throw new BadUserRequestException("An incident must be reported by an authenticated user");
        }
        // The REST door hands over the report it built; the start form's fields become one here. Either way the
        // service applies the one rule set before anything is stored.
        IncidentReport report = IncidentVariables.REPORT.isPresent(execution) ? IncidentVariables.REPORT.get(execution)
                : IncidentReport.fromForm(execution);
        Incident incident = incidents.register(execution.getProcessInstanceId(), report, reporter);
        IncidentVariables.REPORT.remove(execution);
        IncidentVariables.SYSTEM_ID.set(execution, incident.getSystemId());
        IncidentVariables.INCIDENT_ID.set(execution, incident.getId());
        IncidentVariables.INCIDENT_TITLE.set(execution, incident.getTitle());
        IncidentVariables.SUBJECT_TYPE.set(execution, SubjectType.INCIDENT);
        // The DMN reads exactly these inputs: normalised from the stored incident, never raw form values.
        Harms harms = incident.getHarms();
        IncidentVariables.TYPE.set(execution, incident.getType());
        IncidentVariables.HIGH_RISK_SYSTEM.set(execution, incident.isHighRiskSystem());
        IncidentVariables.DEATH.set(execution, harms.death());
        IncidentVariables.SERIOUS_HEALTH_HARM.set(execution, harms.seriousHealthHarm());
        IncidentVariables.CRITICAL_INFRASTRUCTURE.set(execution, harms.criticalInfrastructureDisruption());
        IncidentVariables.WIDESPREAD_INFRINGEMENT.set(execution, harms.widespreadInfringement());
        IncidentVariables.FUNDAMENTAL_RIGHTS.set(execution, harms.fundamentalRightsInfringement());
        IncidentVariables.PROPERTY_OR_ENVIRONMENT.set(execution, harms.propertyOrEnvironmentHarm());
    }
}
