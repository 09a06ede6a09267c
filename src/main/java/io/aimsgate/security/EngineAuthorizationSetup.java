package io.aimsgate.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.aimsgate.gate.DeploymentApprovalProcess;
import io.aimsgate.raci.RaciGroups;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine authorisation is on; at start-up this grants each RACI group exactly what its role needs
 * (idempotently, in every profile): Tasklist for everyone in a group, starting the deployment gate for
 * product owners, read-everything for the governance board and auditors. Task access itself comes from
 * candidate groups (READ + TASK_WORK). A user outside every group can log in and sees nothing.
 * Also creates the shared Tasklist filters "My tasks" and "My group's tasks".
 */
@Component
@Order(1)
class EngineAuthorizationSetup implements ApplicationRunner {

    static final String INCIDENT_PROCESS = "incident-escalation";
    static final String NONCONFORMITY_PROCESS = "nonconformity";
    static final String FILTER_MY_TASKS = "My tasks";
    static final String FILTER_MY_GROUP_TASKS = "My group's tasks";
    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizationSetup.class);
    private static final List<String> OVERSEERS = List.of(RaciGroups.GOVERNANCE_BOARD, RaciGroups.AUDITORS);
    private static final Map<String, String> GROUP_NAMES = Map.of(
            RaciGroups.AI_PRODUCT_OWNERS, "AI product owners (Accountable)",
            RaciGroups.ML_ENGINEERS, "ML engineers (Responsible)",
            RaciGroups.SECURITY, "Security (Consulted)",
            RaciGroups.LEGAL, "Legal (Consulted)",
            RaciGroups.PRIVACY, "Privacy (Consulted)",
            RaciGroups.ETHICS, "Ethics (Consulted)",
            RaciGroups.GOVERNANCE_BOARD, "AI governance board",
            RaciGroups.BUSINESS_STAKEHOLDERS, "Business stakeholders (Informed)",
            RaciGroups.AUDITORS, "Auditors");

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    EngineAuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!identityService.isReadOnly()) {
            RaciGroups.ALL.forEach(this::ensureGroup);
        }
        for (String group : RaciGroups.ALL) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
            // Everyone may read the risk appetite (risk-severity decision) the gates apply.
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        }
        grant(RaciGroups.AI_PRODUCT_OWNERS, Resources.PROCESS_DEFINITION, DeploymentApprovalProcess.KEY,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(RaciGroups.AI_PRODUCT_OWNERS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        // Anyone in the AI management system may report an incident; audits and reviews raise nonconformities.
        for (String group : RaciGroups.ALL) {
            grant(group, Resources.PROCESS_DEFINITION, INCIDENT_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        }
        for (String group : List.of(RaciGroups.AUDITORS, RaciGroups.GOVERNANCE_BOARD, RaciGroups.AI_PRODUCT_OWNERS)) {
            grant(group, Resources.PROCESS_DEFINITION, NONCONFORMITY_PROCESS,
                    ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
        for (String group : OVERSEERS) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ_INSTANCE,
                    ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
            grant(group, Resources.TASK, "*", Permissions.READ);
            grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ_HISTORY);
        }
        ensureFilter(FILTER_MY_TASKS, "Tasks assigned to me", -10,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensureFilter(FILTER_MY_GROUP_TASKS, "Tasks my RACI groups may claim", 0,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
    }

    private void ensureGroup(String groupId) {
        if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(GROUP_NAMES.getOrDefault(groupId, groupId));
            group.setType("RACI");
            identityService.saveGroup(group);
            log.info("Created RACI group {}", groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }

    private void ensureFilter(String name, String description, int priority,
            org.camunda.bpm.engine.task.TaskQuery query) {
        Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query)
                    .setProperties(Map.<String, Object>of("description", description, "priority", priority, "refresh", true));
            filterService.saveFilter(filter);
            Authorization readable = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
            readable.setUserId(Authorization.ANY);
            readable.setResource(Resources.FILTER);
            readable.setResourceId(filter.getId());
            readable.addPermission(Permissions.READ);
            authorizationService.saveAuthorization(readable);
        }
    }
}
