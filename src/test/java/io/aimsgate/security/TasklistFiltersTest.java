package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.H2DemoApp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Tasklist filters EngineAuthorizationSetup creates: "My group's tasks" first, one filter per RACI group readable
 * by that group only, and the same result however often the setup runs (demo profile, H2: the same cached context
 * as {@code api.H2ApiTest}). The browser tests in e2e/ check what Tasklist shows from them.
 */
@H2DemoApp
class TasklistFiltersTest {

    @Autowired
    FilterService filterService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    IdentityService identityService;
    @Autowired
    EngineAuthorizationSetup setup;

    @Test
    void myGroupsTasksIsTheLandingFilterAndEveryRaciGroupHasItsOwn() {
        List<Filter> filters = filterService.createTaskFilterQuery().list();
        assertThat(filters).extracting(Filter::getName).doesNotHaveDuplicates()
                .contains(EngineAuthorizationSetup.FILTER_MY_GROUP_TASKS, EngineAuthorizationSetup.FILTER_MY_TASKS)
                .containsAll(EngineAuthorizationSetup.GROUP_FILTERS.values().stream().map(v -> v.get(0)).toList());
        Filter landing = byName(EngineAuthorizationSetup.FILTER_MY_GROUP_TASKS);
        for (Filter other : filters) {
            if (other != landing && !other.getId().equals(landing.getId())) {
                assertThat(priority(landing)).as(other.getName()).isLessThan(priority(other));
            }
        }
    }

    @Test
    void aGroupFilterIsReadableByItsGroupOnly() {
        for (String group : RaciGroups.ALL) {
            Filter filter = byName(EngineAuthorizationSetup.GROUP_FILTERS.get(group).get(0));
            List<Authorization> grants = authorizationService.createAuthorizationQuery()
                    .resourceType(Resources.FILTER).resourceId(filter.getId()).list();
            assertThat(grants).as(filter.getName()).extracting(Authorization::getGroupId).containsExactly(group);
            assertThat(grants).extracting(Authorization::getUserId).containsOnlyNulls();
        }
        assertThat(visibleTo("sam", RaciGroups.SECURITY)).containsExactlyInAnyOrder(
                EngineAuthorizationSetup.FILTER_MY_GROUP_TASKS, EngineAuthorizationSetup.FILTER_MY_TASKS,
                "Security reviews");
        assertThat(visibleTo("grace", RaciGroups.GOVERNANCE_BOARD)).containsExactlyInAnyOrder(
                EngineAuthorizationSetup.FILTER_MY_GROUP_TASKS, EngineAuthorizationSetup.FILTER_MY_TASKS,
                "Board sign-offs and escalations");
        // "My group's tasks" needs a group to query by: a user outside every group sees "My tasks" (empty) only.
        assertThat(visibleTo("guest")).containsExactly(EngineAuthorizationSetup.FILTER_MY_TASKS);
    }

    @Test
    void runningTheSetupAgainCreatesNothingNewAndRestoresTheManagedProperties() {
        Filter security = byName("Security reviews");
        Map<String, Object> edited = new HashMap<>(security.getProperties());
        edited.put("priority", 99);
        edited.put("color", "#555555");
        filterService.saveFilter(security.setProperties(edited));
        long filters = filterService.createTaskFilterQuery().count();
        long grants = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();

        setup.run(null);
        setup.run(null);

        assertThat(filterService.createTaskFilterQuery().count()).isEqualTo(filters);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count())
                .isEqualTo(grants);
        Filter restored = byName("Security reviews");
        assertThat(priority(restored)).isEqualTo(RaciGroups.ALL.indexOf(RaciGroups.SECURITY));
        assertThat(restored.getProperties()).containsEntry("color", "#555555");
    }

    private Filter byName(String name) {
        return filterService.createTaskFilterQuery().filterName(name).singleResult();
    }

    private static int priority(Filter filter) {
        return ((Number) filter.getProperties().get("priority")).intValue();
    }

    private List<String> visibleTo(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
        try {
            return filterService.createTaskFilterQuery().list().stream().map(Filter::getName).toList();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
