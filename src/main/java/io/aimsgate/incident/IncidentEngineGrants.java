package io.aimsgate.incident;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.EngineGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Everyone who may report an incident may read how its severity is classified (the incident-severity decision). */
@Component
class IncidentEngineGrants implements EngineGrants {

    static final String INCIDENT_SEVERITY_DECISION = "incident-severity";

    @Override
    public void contribute(Grants grants) {
        RaciGroups.ALL.forEach(group -> grants.grant(group, Resources.DECISION_DEFINITION,
                INCIDENT_SEVERITY_DECISION, Permissions.READ));
    }
}
