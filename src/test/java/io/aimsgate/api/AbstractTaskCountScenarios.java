package io.aimsgate.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.shared.AuthorizedGroupIdsByIndex;
import io.aimsgate.shared.TaskCountByGrantSets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
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
 * migration V9_3's index (docs/benchmarks.md, "Tasklist count"), and counts them with the grants tested as sets
 * ({@code shared.TaskCountByGrantSets}); and the groups holding a grant, which the engine
 * reads in every authenticated command, by the engine's statement on H2 and by a walk down its index on PostgreSQL
 * ({@code shared.AuthorizedGroupIdsByIndex}).
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

    /** The statement the engine runs for "the groups holding any grant" on this database. */
    abstract String expectedAuthorizedGroupIdsStatement();

    /** The statement the engine runs for a task query's count on this database. */
    abstract String expectedTaskCountStatement();

    @Test
    void theEngineCountsTasksWithTheStatementForThisDatabase() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskCountByGrantSets.ENGINE_STATEMENT))
                .isEqualTo(expectedTaskCountStatement());
    }

    @Test
    void theGroupsHoldingAGrantAreTheSameSetAsTheEnginesOwnStatementReads() {
        var configuration = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsByIndex.ENGINE_STATEMENT))
                .isEqualTo(expectedAuthorizedGroupIdsStatement());
        String run = "ag" + RUNS.incrementAndGet() + "-" + System.currentTimeMillis();
        // Ids that sort differently by byte and by collation, one group with several grants, a user's grant (no group).
        List<String> groups = List.of("a-" + run, "B-" + run, "b-" + run, "b " + run, "é-" + run, "Z-" + run);
        List<Authorization> grants = new ArrayList<>();
        try {
            for (String group : groups) {
                grants.add(groupGrant(group, Resources.TASK, "*", Permissions.READ));
            }
            grants.add(groupGrant(groups.get(0), Resources.PROCESS_DEFINITION, "some-process", Permissions.READ));
            grants.add(groupGrant(groups.get(0), Resources.TASK, "some-task", Permissions.UPDATE));
            grants.add(grant("user-" + run, Resources.TASK, "*", Permissions.READ));

            Set<String> engines = authorizedGroups(configuration, false);
            Set<String> asRun = authorizedGroups(configuration, true);
            assertThat(asRun).isEqualTo(engines).containsAll(groups).doesNotContainNull();
        } finally {
            grants.forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        }
        assertThat(authorizedGroups(configuration, true)).doesNotContainAnyElementsOf(groups)
                .isEqualTo(authorizedGroups(configuration, false));
    }

    /**
     * The non-null group ids (as the engine keeps them) of the statement as the engine runs it on this database
     * ({@code asRun}), or of the engine's own statement from its mappings, by its id past the engine's routing.
     */
    private static Set<String> authorizedGroups(ProcessEngineConfigurationImpl configuration, boolean asRun) {
        return configuration.getCommandExecutorTxRequired().execute(context -> {
            DbSqlSession session = context.getDbSqlSession();
            List<?> rows = asRun ? session.selectList(AuthorizedGroupIdsByIndex.ENGINE_STATEMENT, null)
                    : session.getSqlSession().selectList(AuthorizedGroupIdsByIndex.ENGINE_STATEMENT);
            return rows.stream().filter(Objects::nonNull).map(String.class::cast).collect(Collectors.toSet());
        });
    }

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
            // A grant and a REVOKE (the engine then checks grants without the join, per row): a group member who
            // lost one task, and a user with READ on every task but the first.
            grants.add(revoke(grant -> grant.setUserId("member-" + run), reviewTasks.get(1)));
            grants.add(revoke(grant -> grant.setUserId("every-" + run), reviewTasks.get(0)));
            assertSees("member-" + run, List.of(reviewers), key, reviewers, List.of(reviewTasks.get(0),
                    reviewTasks.get(2)));
            assertSees("every-" + run, List.of(), key, reviewers, reviewTasks.subList(1, 3));
            assertSees("definition-" + run, List.of(), key, reviewers, reviewTasks);
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

    private Authorization revoke(Consumer<Authorization> holder, String taskId) {
        Authorization revoke = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        holder.accept(revoke);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(taskId);
        revoke.removePermission(Permissions.READ);
        return authorizationService.saveAuthorization(revoke);
    }

    private Authorization groupGrant(String group, Resource resource, String resourceId, Permission permission) {
        return grant(grant -> grant.setGroupId(group), resource, resourceId, permission);
    }

    private Authorization grant(String user, Resource resource, String resourceId, Permission permission) {
        return grant(grant -> grant.setUserId(user), resource, resourceId, permission);
    }

    private Authorization grant(Consumer<Authorization> holder, Resource resource, String resourceId,
            Permission permission) {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        holder.accept(grant);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        return authorizationService.saveAuthorization(grant);
    }
}
