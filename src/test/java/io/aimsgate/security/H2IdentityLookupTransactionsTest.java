package io.aimsgate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.Api;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.WebappSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The identity look-ups on the request path take one database transaction each ({@link IdentityLookups}): a Basic
 * login not yet remembered (password check and groups), and a webapp session's call of the evidence endpoints (user
 * and groups), where the identity service's API took three and four (docs/benchmarks.md, "Server stack (session 6)").
 * Counted as the connection pool's acquisitions, which also sees the odd background job: the bounds sit between what a
 * look-up costs now and what it cost before.
 */
@H2DemoApp
class H2IdentityLookupTransactionsTest {

    private static final String PASSWORD = "lookup-password-1";
    /** Every task query of this key finds nothing: one engine transaction per call, whoever asks. */
    private static final String TASKS = "/engine-rest/task?processDefinitionKey=no-such-process-for-lookups";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    IdentityService identity;

    private long acquisitions() {
        return meters.get("hikaricp.connections.acquire").timer().count();
    }

    private String newEngineer() {
        String userId = "lookup-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setFirstName("Look");
        user.setLastName("Up");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(userId, RaciGroups.ML_ENGINEERS);
        return userId;
    }

    @Test
    void aBasicLoginNotYetRememberedTakesOneTransaction() {
        Api api = new Api(port);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            users.add(newEngineer());
        }
        long first = 0;
        long again = 0;
        for (String userId : users) {
            Api.Caller caller = api.as(userId, PASSWORD);
            long before = acquisitions();
            caller.get(TASKS).expect(200);
            long between = acquisitions();
            caller.get(TASKS).expect(200);
            first += between - before;
            again += acquisitions() - between;
        }
        // A first call pays the login; the second is remembered (aims.security.basic-auth-cache-ttl) and pays nothing.
        assertThat(first - again).as("transactions of %d logins", users.size()).isLessThan(2L * users.size());
    }

    @Test
    void aFailedPasswordStillCountsTowardsTheIdentityServicesLockOut() {
        String userId = newEngineer();
        new Api(port).as(userId, "not-the-password").get(TASKS).expect(401);
        UserEntity user = (UserEntity) identity.createUserQuery().userId(userId).singleResult();
        assertThat(user.getAttempts()).isEqualTo(1);
    }

    @Test
    void aWebappSessionsEvidenceCallReadsUserAndGroupsInOneTransaction() {
        Api api = new Api(port);
        long system = api.as("olivia").get("/api/systems").expect(200).json().get("content").get(0).get("id")
                .asLong();
        String list = "/api/evidence?subjectType=SYSTEM&subjectId=" + system;
        Api.Caller mia = api.as("mia");
        WebappSession session = WebappSession.login(port, "mia", Api.DEMO_PASSWORD);
        mia.get(list).expect(200);
        assertThat(session.get(list).status()).isEqualTo(200);
        int calls = 8;
        long before = acquisitions();
        for (int i = 0; i < calls; i++) {
            mia.get(list).expect(200);
        }
        long basic = acquisitions() - before;
        before = acquisitions();
        for (int i = 0; i < calls; i++) {
            assertThat(session.get(list).status()).isEqualTo(200);
        }
        long webapp = acquisitions() - before;
        // Basic is remembered and takes none; the session's look-up takes one (the identity service's API took four).
        assertThat(webapp - basic).as("look-ups of %d session calls", calls).isLessThan(2L * calls);
    }
}
