package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group filter's count and list under the engine's authorisation check, as Tasklist runs them ("My group's tasks":
 * candidate group, assigned tasks included), for a user authorised by each kind of grant the check accepts and for
 * users who are not: the same tasks on H2, where the engine tests the grants with its own {@code IN} list, and on
 * PostgreSQL, where it tests them with an array ({@code shared.AuthorizationJoinAsArray}) and reads them from
 * migration V9_3's index (docs/benchmarks.md, "Tasklist count").
 */
abstract class AbstractTaskCountScenarios {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;

    /** How the engine's mappings test a row's resource id against the grants on this database. */
    abstract String expectedAuthJoinStart();

    @Test
    void theEngineTestsGrantsAsThisDatabaseNeeds() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getSqlSessionFactory().getConfiguration().getVariables()
                .getProperty("authJoinStart")).isEqualTo(expectedAuthJoinStart());
    }

    @Test
    void aGroupFilterCountsAndListsTheTasksEachKindOfGrantAllows() {
        String run = "tc" + RUNS.incrementAndGet() + "-" + System.currentTimeMillis();
        String key = "aims-task-count-" + run;
        String reviewers = "reviewers-" + run;
        String others = "others-" + run;
        Deployment deployment = repositoryService.createDeployment().name("task count scenarios")
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).name("Task count scenario")
                        .camundaHistoryTimeToLive(1).startEvent().userTask("review").name("Review")
                        .camundaCandidateGroups("${group}").endEvent().done())
                .deploy();
        List<Authorization> grants = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                runtimeService.startProcessInstanceByKey(key,
                        Variables.createVariables().putValue("group", i < 3 ? reviewers : others));
            }
            // Without an authenticated user the engine checks nothing: the three tasks the filter matches.
            List<String> reviewTasks = query(key, reviewers).list().stream().map(Task::getId).toList();
            assertThat(reviewTasks).hasSize(3);

            // Authorised by the grants the engine gives a task's candidate group (READ + TASK_WORK on the task).
            assertSees("member-" + run, List.of(reviewers), key, reviewers, reviewTasks);
            // Not authorised: a member of another group, and a user of no group, match the filter but no grant.
            assertSees("outsider-" + run, List.of(others), key, reviewers, List.of());
            assertSees("nobody-" + run, List.of(), key, reviewers, List.of());
            // A user's grant on one task: that task (the row's own id).
            grants.add(grant("one-" + run, Resources.TASK, reviewTasks.get(0), Permissions.READ));
            assertSees("one-" + run, List.of(), key, reviewers, reviewTasks.subList(0, 1));
            // READ_TASK on the process definition: all of its tasks (the definition's key).
            grants.add(grant("definition-" + run, Resources.PROCESS_DEFINITION, key,
                    ProcessDefinitionPermissions.READ_TASK));
            assertSees("definition-" + run, List.of(), key, reviewers, reviewTasks);
            // READ on every task ('*').
            grants.add(grant("every-" + run, Resources.TASK, "*", Permissions.READ));
            assertSees("every-" + run, List.of(), key, reviewers, reviewTasks);
            // Permissions the check does not accept: UPDATE on the tasks, READ on the definition.
            grants.add(grant("update-" + run, Resources.TASK, "*", Permissions.UPDATE));
            grants.add(grant("update-" + run, Resources.PROCESS_DEFINITION, key, Permissions.READ));
            assertSees("update-" + run, List.of(), key, reviewers, List.of());
        } finally {
            grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private TaskQuery query(String key, String group) {
        return taskService.createTaskQuery().processDefinitionKey(key).taskCandidateGroup(group)
                .includeAssignedTasks();
    }

    private void assertSees(String user, List<String> groups, String key, String group, List<String> expected) {
        identityService.setAuthentication(user, groups);
        try {
            assertThat(query(key, group).count()).as("count for %s", user).isEqualTo(expected.size());
            assertThat(query(key, group).orderByTaskCreateTime().desc().listPage(0, 15)).as("page for %s", user)
                    .extracting(Task::getId).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private Authorization grant(String user, Resource resource, String resourceId, Permission permission) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        return authorizationService.saveAuthorization(grant);
    }
}
