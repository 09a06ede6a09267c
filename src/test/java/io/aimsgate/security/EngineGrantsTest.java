package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.H2DemoApp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who may start a process is what its BPMN declares in camunda:candidateStarterGroups, read from the deployed
 * definitions, and nothing else: the grants of CREATE_INSTANCE on our process definitions are exactly those. Each
 * feature contributes the grants of its own resources (EngineGrants): the decisions everyone reads, the overseers'
 * Cockpit.
 */
@H2DemoApp
class EngineGrantsTest {

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    RepositoryService repositoryService;

    @Test
    void startGrantsAreTheStarterGroupsTheBpmnDeclares() {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
            Process process = model.getModelElementById(definition.getKey());
            String groups = process.getCamundaCandidateStarterGroups();
            Set<String> set = new TreeSet<>();
            if (groups != null) {
                for (String group : groups.split(",")) {
                    set.add(group.strip());
                }
            }
            declared.put(definition.getKey(), set);
        }
        Map<String, Set<String>> granted = new TreeMap<>();
        declared.keySet().forEach(key -> granted.put(key, new TreeSet<>()));
        for (Authorization authorization : authorizationService.createAuthorizationQuery()
                .resourceType(Resources.PROCESS_DEFINITION).list()) {
            if (authorization.getGroupId() != null && granted.containsKey(authorization.getResourceId())
                    && authorization.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)) {
                granted.get(authorization.getResourceId()).add(authorization.getGroupId());
            }
        }

        assertThat(granted).isEqualTo(declared);
        assertThat(declared.get("deployment-approval")).containsExactly(RaciGroups.AI_PRODUCT_OWNERS);
        assertThat(declared.get("verification-validation")).containsExactly(RaciGroups.ML_ENGINEERS);
        assertThat(declared.get("corrective-action")).isEmpty();
        assertThat(declared.get("incident-escalation")).containsAll(RaciGroups.ALL);
    }

    @Test
    void everyRaciGroupReadsTheDecisionsTheFeaturesContribute() {
        for (String decision : List.of("risk-severity", "eu-ai-act-tier", "incident-severity")) {
            for (String group : RaciGroups.ALL) {
                assertThat(authorizationService.createAuthorizationQuery().groupIdIn(group)
                        .resourceType(Resources.DECISION_DEFINITION).resourceId(decision).list())
                        .as(group + " reads " + decision)
                        .anyMatch(a -> a.isPermissionGranted(Permissions.READ));
            }
        }
    }

    @Test
    void onlyTheOverseersGetCockpit() {
        Set<String> cockpit = new TreeSet<>();
        authorizationService.createAuthorizationQuery().resourceType(Resources.APPLICATION).resourceId("cockpit")
                .list().stream().filter(a -> a.getGroupId() != null && a.isPermissionGranted(Permissions.ACCESS))
                .forEach(a -> cockpit.add(a.getGroupId()));
        assertThat(cockpit).containsExactlyInAnyOrder(RaciGroups.GOVERNANCE_BOARD, RaciGroups.AUDITORS);
    }
}
