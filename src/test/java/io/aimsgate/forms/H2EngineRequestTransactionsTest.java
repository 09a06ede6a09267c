package io.aimsgate.forms;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.support.Api;
import io.aimsgate.support.Api.Caller;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.WebappSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What our server stack adds to an engine call, in database transactions (each one a pooled connection taken, a
 * BEGIN and a COMMIT): the form contract filter's look-ups on a claim and a completion over {@code /engine-rest}
 * (docs/benchmarks.md, "Server stack (session 6)"). Counted as the connection pool's acquisitions, which also sees the
 * odd background job: the bounds sit halfway between what a call costs now and one look-up more.
 */
@H2DemoApp
class H2EngineRequestTransactionsTest {

    private static final String PROCESS = "transactions-probe";
    private static final int CALLS = 12;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    Api api;

    @BeforeEach
    void probeProcess() {
        api = new Api(port);
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            // One user task of the ML engineers, without a form: its completion takes no variables.
            repository.createDeployment().name(PROCESS).addModelInstance(PROCESS + ".bpmn",
                    Bpmn.createExecutableProcess(PROCESS).name("Transactions probe").camundaHistoryTimeToLive(1)
                            .startEvent("start").name("Start")
                            .userTask("probe_task").name("Probe task").camundaCandidateGroups(RaciGroups.ML_ENGINEERS)
                            .endEvent("end").name("End").done())
                    .deploy();
        }
    }

    private List<String> openTasks(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pid = runtime.startProcessInstanceByKey(PROCESS).getId();
            ids.add(tasks.createTaskQuery().processInstanceId(pid).singleResult().getId());
        }
        return ids;
    }

    private long acquisitions() {
        Timer acquired = meters.get("hikaricp.connections.acquire").timer();
        return acquired.count();
    }

    /**
     * A claim costs the filter's one look-up (the task and the user it names, in one engine command) and the engine's
     * claim: 2 transactions, where the task look-up, the identity service's user query and its count took 3 before.
     */
    @Test
    void aClaimTakesOneLookUpBesidesTheEnginesOwnTransaction() {
        Caller mia = api.as("mia");
        List<String> ids = openTasks(CALLS);
        mia.post("/engine-rest/task/" + ids.get(0) + "/claim", Map.of("userId", "mia")).expect(204);
        long before = acquisitions();
        for (String id : ids.subList(1, CALLS)) {
            mia.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "mia")).expect(204);
        }
        long perClaim = acquisitions() - before;
        assertThat(perClaim).as("connections for %d claims", CALLS - 1).isLessThan((long) (2.5 * (CALLS - 1)));
        for (String id : ids) {
            assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("mia");
        }
    }

    /** A completion costs the filter's task look-up (for the form contract) and the engine's completion. */
    @Test
    void aCompletionTakesOneLookUpBesidesTheEnginesOwnTransaction() {
        Caller mia = api.as("mia");
        List<String> ids = openTasks(CALLS);
        for (String id : ids) {
            mia.post("/engine-rest/task/" + id + "/claim", Map.of("userId", "mia")).expect(204);
        }
        mia.post("/engine-rest/task/" + ids.get(0) + "/complete", Map.of("variables", Map.of())).expect(204);
        long before = acquisitions();
        for (String id : ids.subList(1, CALLS)) {
            mia.post("/engine-rest/task/" + id + "/complete", Map.of("variables", Map.of())).expect(204);
        }
        assertThat(acquisitions() - before).as("connections for %d completions", CALLS - 1)
                .isLessThan((long) (2.5 * (CALLS - 1)));
        for (String id : ids) {
            assertThat(tasks.createTaskQuery().taskId(id).count()).isZero();
        }
    }

    /**
     * The user a claim names is still checked against the identity service on every claim, now in the same engine
     * command as the task: a webapp session outlives its user's removal (the webapps re-read a login after five
     * minutes), and its self-claim passes the allowlist, so the check is what refuses it.
     */
    @Test
    void aClaimForAUserTheIdentityServiceNoLongerKnowsIsRefused() {
        String userId = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(userId);
        user.setFirstName("Gone");
        user.setLastName("Soon");
        user.setPassword("gone-password-1");
        identity.saveUser(user);
        identity.createMembership(userId, RaciGroups.ML_ENGINEERS);
        WebappSession session = WebappSession.login(port, userId, "gone-password-1");
        String id = openTasks(1).get(0);
        identity.deleteMembership(userId, RaciGroups.ML_ENGINEERS);
        identity.deleteUser(userId);

        Api.Response refused = session.post("/camunda/api/engine/engine/default/task/" + id + "/claim",
                Api.json(Map.of("userId", userId)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().path("field").asText()).isEqualTo("userId");
        assertThat(refused.json().path("detail").asText()).contains("No user '" + userId + "' is known");
        assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee()).isNull();
    }
}
