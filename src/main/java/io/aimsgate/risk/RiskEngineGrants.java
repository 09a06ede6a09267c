package io.aimsgate.risk;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.EngineGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Everyone in the AI management system may read the risk appetite (the risk-severity decision) the gates apply. */
@Component
class RiskEngineGrants implements EngineGrants {

    static final String RISK_SEVERITY_DECISION = "risk-severity";

    @Override
    public void contribute(Grants grants) {
        RaciGroups.ALL.forEach(group -> grants.grant(group, Resources.DECISION_DEFINITION, RISK_SEVERITY_DECISION,
                Permissions.READ));
    }
}
