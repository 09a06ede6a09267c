package io.aimsgate.raci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.shared.PlatformEngineAccess;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Member addresses from a real engine identity service (its own in-memory database). */
class GroupMembersTest {

    static ProcessEngine engine;
    static IdentityService identity;

    PlatformEngineAccess systemCalls = mock(PlatformEngineAccess.class);
    GroupMembers members = new GroupMembers(systemCalls, identity);

    @BeforeAll
    static void startEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration();
        // group ids such as governance-board, as in application.yml
        configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9-]*");
        engine = configuration
                .setProcessEngineName("raci-group-members-test")
                .setJdbcUrl("jdbc:h2:mem:raci-group-members-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .buildProcessEngine();
        identity = engine.getIdentityService();
        identity.saveGroup(identity.newGroup(RaciGroups.GOVERNANCE_BOARD));
        identity.saveGroup(identity.newGroup(RaciGroups.AUDITORS));
        member("grace", "grace@aimsgate.example", RaciGroups.GOVERNANCE_BOARD);
        member("gina", "  gina@aimsgate.example ", RaciGroups.GOVERNANCE_BOARD);
        member("gus", null, RaciGroups.GOVERNANCE_BOARD);
        member("gil", "   ", RaciGroups.GOVERNANCE_BOARD);
        member("gwen", "not an address", RaciGroups.GOVERNANCE_BOARD);
        member("alex", "alex@aimsgate.example", RaciGroups.AUDITORS);
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void theMembersAddressesWithBlankAndInvalidOnesSkipped() {
        when(systemCalls.withoutUserAuthorization(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());

        assertThat(members.emailAddresses(RaciGroups.GOVERNANCE_BOARD))
                .containsExactlyInAnyOrder("grace@aimsgate.example", "gina@aimsgate.example");
        assertThat(members.emailAddresses(RaciGroups.AUDITORS)).containsExactly("alex@aimsgate.example");
        assertThat(members.emailAddresses(RaciGroups.ETHICS)).isEmpty();
        // read on behalf of the platform: the deciding user may not be allowed to list the group
        verify(systemCalls, org.mockito.Mockito.times(3)).withoutUserAuthorization(any());
    }

    private static void member(String id, String email, String group) {
        User user = identity.newUser(id);
        user.setEmail(email);
        identity.saveUser(user);
        identity.createMembership(id, group);
    }
}
