package io.aimsgate.inception.internal;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.EngineGrants;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/** Everyone may read how the inception gate derives a system's EU AI Act tier (the eu-ai-act-tier decision). */
@Component
class InceptionEngineGrants implements EngineGrants {

    static final String EU_AI_ACT_TIER_DECISION = "eu-ai-act-tier";

    @Override
    public void contribute(Grants grants) {
        RaciGroups.ALL.forEach(group -> grants.grant(group, Resources.DECISION_DEFINITION, EU_AI_ACT_TIER_DECISION,
                Permissions.READ));
    }
}
