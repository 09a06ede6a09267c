package io.aimsgate.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import io.aimsgate.raci.GovernedProcessGuard;
import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.EngineGrants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Engine authorisation is on; at start-up this grants each RACI group exactly what its role needs
 * (idempotently, in every profile): Tasklist for everyone in a group, starting a process for the groups its BPMN
 * names in {@code camunda:candidateStarterGroups} (read from the deployed definitions, the one list), and what each
 * feature contributes for its own resources ({@link EngineGrants}: the decisions everyone reads, the overseers'
 * Cockpit). Task access itself comes from candidate groups (READ + TASK_WORK). A user outside every group can log in
 * to Tasklist (a global grant) and sees nothing.
 * Also creates the Tasklist filters: the shared "My group's tasks" (lowest priority, so Tasklist opens it
 * first) and "My tasks", and one filter per RACI group (e.g. "Security reviews"), readable by that group only.
 * Filter cards list the AI system, version, incident and severity; Tasklist fills them in only for users who may
 * read the process instance (governance board, auditors), other candidates see the request in the task's form.
 */
@Component
@Order(1)
class EngineAuthorizationSetup implements ApplicationRunner {

    static final String FILTER_MY_TASKS = "My tasks";
    static final String FILTER_MY_GROUP_TASKS = "My group's tasks";
    /** Tasklist opens the filter with the lowest priority first: approvers land on their groups' tasks. */
    static final int PRIORITY_MY_GROUP_TASKS = -20;
    static final int PRIORITY_MY_TASKS = -10;
    /** One Tasklist filter per RACI group: its name and description, in RaciGroups.ALL order. */
    static final Map<String, List<String>> GROUP_FILTERS = groupFilters();
    /**
     * Process variables for the task cards (deployment requests and incidents). Tasklist reads them with the user's
     * own rights: shown to overseers, who may read process instances, and left out for other candidates.
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "systemName", "label", "AI system"),
            Map.of("name", "versionLabel", "label", "Version"),
            Map.of("name", "incidentTitle", "label", "Incident"),
            Map.of("name", "severity", "label", "Severity"),
            Map.of("name", "trigger", "label", "Trigger"));
    private static final Logger log = LoggerFactory.getLogger(EngineAuthorizationSetup.class);
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
    private final RepositoryService repositoryService;
    private final List<EngineGrants> contributions;
    private final TransactionTemplate transaction;

    EngineAuthorizationSetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, RepositoryService repositoryService,
            List<EngineGrants> contributions, PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.contributions = List.copyOf(contributions);
    }

    /**
     * All of it in one transaction: the engine's commands join it, so a start writes its groups, grants and filters
     * in one commit instead of one each (about a hundred on an empty database), and a start that fails half-way
     * leaves nothing half-granted.
     */
    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> setUp());
    }

    private void setUp() {
        if (!identityService.isReadOnly()) {
            RaciGroups.ALL.forEach(this::ensureGroup);
        }
        // Every user may log in to Tasklist; one outside every group sees nothing there (no filter shows a task).
        grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        for (String group : RaciGroups.ALL) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ);
        }
        // Who starts each process: the groups its BPMN declares; message and timer starts run as the platform.
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            for (String group : starterGroups(definition)) {
                grant(group, Resources.PROCESS_DEFINITION, definition.getKey(),
                        ProcessDefinitionPermissions.CREATE_INSTANCE);
                grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
            }
        }
        contributions.forEach(contribution -> contribution.contribute(this::grant));
        // Readable by the RACI groups only: for a user outside every group the engine cannot run its query (an
        // empty group list), and Tasklist would show that user an error instead of nothing.
        ensureFilter(FILTER_MY_GROUP_TASKS, "Tasks my RACI groups may claim", PRIORITY_MY_GROUP_TASKS,
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(), RaciGroups.ALL);
        ensureFilter(FILTER_MY_TASKS, "Tasks assigned to me", PRIORITY_MY_TASKS,
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), null);
        int priority = 0;
        for (String group : RaciGroups.ALL) {
            List<String> filter = GROUP_FILTERS.get(group);
            ensureFilter(filter.get(0), filter.get(1), priority++,
                    taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(), List.of(group));
        }
    }

    /** The deployed definition (the engine's cache) carries the parsed {@code camunda:candidateStarterGroups}. */
    private Set<String> starterGroups(ProcessDefinition definition) {
        return GovernedProcessGuard.starterGroups(
                (ProcessDefinitionEntity) repositoryService.getProcessDefinition(definition.getId()));
    }

    private static Map<String, List<String>> groupFilters() {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put(RaciGroups.AI_PRODUCT_OWNERS, List.of("Product owner approvals",
                "Accountable approvals, incident closure and corrective actions of AI product owners"));
        filters.put(RaciGroups.ML_ENGINEERS, List.of("ML engineering tasks",
                "Technical reviews, incident containment and corrective actions of ML engineers"));
        filters.put(RaciGroups.SECURITY, List.of("Security reviews", "Security reviews of deployment requests"));
        filters.put(RaciGroups.LEGAL, List.of("Legal reviews",
                "Legal and privacy reviews of high-risk-tier deployments; regulator notifications"));
        filters.put(RaciGroups.PRIVACY, List.of("Privacy reviews",
                "Legal and privacy reviews of high-risk-tier deployments"));
        filters.put(RaciGroups.ETHICS, List.of("Ethics reviews", "Ethics reviews of high-risk-tier deployments"));
        filters.put(RaciGroups.GOVERNANCE_BOARD, List.of("Board sign-offs and escalations",
                "High-risk-tier sign-offs, overdue incident escalations and resumption decisions"));
        filters.put(RaciGroups.BUSINESS_STAKEHOLDERS, List.of("Business stakeholder tasks",
                "Tasks routed to business stakeholders (Informed: none in the default RACI matrix)"));
        filters.put(RaciGroups.AUDITORS, List.of("Auditor tasks",
                "Tasks routed to auditors (none in the default RACI matrix; audits read Cockpit)"));
        if (!filters.keySet().equals(Set.copyOf(RaciGroups.ALL))) {
            throw new IllegalStateException("Every RACI group needs a Tasklist filter");
        }
        return Map.copyOf(filters);
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
        if (existing != null && Arrays.stream(permissions).allMatch(existing::isPermissionGranted)) {
            return;
        }
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

    /** A global grant (every user, also one outside every group), made once. */
    private void grantEveryone(Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GLOBAL).resourceType(resource).resourceId(resourceId).list().stream()
                .findFirst().orElse(null);
        Authorization authorization = existing != null ? existing
                : authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
        if (existing != null && authorization.isPermissionGranted(permission)) {
            return;
        }
        authorization.setUserId(Authorization.ANY);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        authorization.addPermission(permission);
        authorizationService.saveAuthorization(authorization);
    }

    /**
     * Creates the shared filter (owner none) once and keeps its managed properties (description, priority,
     * card variables) current on every start; other properties an administrator set, such as a colour, stay.
     * Readable by everyone ({@code readableBy} null) or by the given groups only.
     */
    private void ensureFilter(String name, String description, int priority,
            org.camunda.bpm.engine.task.TaskQuery query, List<String> readableBy) {
        Map<String, Object> managed = new LinkedHashMap<>();
        managed.put("description", description);
        managed.put("priority", priority);
        managed.put("refresh", true);
        managed.put("variables", CARD_VARIABLES);
        Filter filter = filterService.createTaskFilterQuery().filterName(name).list().stream()
                .filter(f -> f.getOwner() == null).findFirst().orElse(null);
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setOwner(null).setQuery(query).setProperties(managed);
            filterService.saveFilter(filter);
            log.info("Created Tasklist filter '{}'", name);
            if (readableBy == null) {
                Authorization readable = authorizationService.createNewAuthorization(AUTH_TYPE_GLOBAL);
                readable.setUserId(Authorization.ANY);
                readable.setResource(Resources.FILTER);
                readable.setResourceId(filter.getId());
                readable.addPermission(Permissions.READ);
                authorizationService.saveAuthorization(readable);
            }
        } else {
            Map<String, Object> properties = new HashMap<>(
                    filter.getProperties() == null ? Map.of() : filter.getProperties());
            boolean current = managed.entrySet().stream()
                    .allMatch(e -> Objects.equals(normalised(properties.get(e.getKey())), normalised(e.getValue())));
            if (!current) {
                properties.putAll(managed);
                filter.setProperties(properties);
                filterService.saveFilter(filter);
                log.info("Updated Tasklist filter '{}' (priority {})", name, priority);
            }
        }
        if (readableBy != null) {
            for (String group : readableBy) {
                grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
            }
            // An earlier version made this filter readable by everyone: take that back.
            authorizationService.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).list()
                    .forEach(global -> authorizationService.deleteAuthorization(global.getId()));
        }
    }

    /** Stored filter properties come back from JSON: compare numbers by value and lists element-wise. */
    private static Object normalised(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(normalised(item)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new HashMap<>();
            map.forEach((k, v) -> copy.put(k, normalised(v)));
            return copy;
        }
        return value;
    }
}
