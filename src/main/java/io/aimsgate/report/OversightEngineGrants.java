package io.aimsgate.report;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.EngineGrants;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The overseers (governance board, auditors) use Cockpit and its AI governance dashboard: they read every process
 * instance, task, its history and the decisions' history.
 */
@Component
class OversightEngineGrants implements EngineGrants {

    static final List<String> OVERSEERS = List.of(RaciGroups.GOVERNANCE_BOARD, RaciGroups.AUDITORS);

    @Override
    public void contribute(Grants grants) {
        for (String group : OVERSEERS) {
            grants.grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grants.grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grants.grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grants.grant(group, Resources.TASK, "*", Permissions.READ);
            grants.grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
        }
    }
}
