package io.aimsgate.operation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.aimsgate.gate.DeploymentApproved;
import io.aimsgate.support.Api;
import io.aimsgate.support.EvidenceFixtures;
import io.aimsgate.support.H2DemoApp;
import io.aimsgate.support.LifecycleWalk;
import io.aimsgate.support.SystemFixtures;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The re-evaluation watch a deployment approval starts (OperationWatch) runs after the approving transaction
 * commits, in its own; a failing start leaves the approval committed and the event publication incomplete, and the
 * incomplete publication is delivered again (at the next start: republish-outstanding-events-on-restart). Each test
 * has a version approved for real through the deployment gate over HTTP, whose watch is then ended (as when the
 * system is suspended); the approval is played again here by a transaction that writes and publishes that approval's
 * DeploymentApproved, as DeploymentGateService does inside the approving engine command.
 */
@H2DemoApp
class OperationWatchAfterCommitTest {

    /** A version approved through the deployment gate, its system no longer watched. */
    record Approved(long systemId, long versionId) {

        DeploymentApproved event() {
            return new DeploymentApproved(systemId, versionId, "oscar");
        }
    }

    @LocalServerPort
    int port;
    @MockitoSpyBean
    ReevaluationWatches watchRows;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IncompleteEventPublications incompletePublications;
    @Autowired
    Environment environment;
    @PersistenceContext
    EntityManager entityManager;

    @Test
    void theWatchStartsOnlyOnceTheApprovalHasCommitted() {
        Approved system = approvedAndUnwatched();
        int completed = publications(system, true);

        new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            publisher.publishEvent(system.event());
            assertThat(watches(system)).as("inside the approving transaction").isZero();
            entityManager.flush();
            assertThat(publications(system, false)).as("stored with the approval").isOne();
        });

        assertThat(watches(system)).isOne();
        assertThat(publications(system, true)).isEqualTo(completed + 1);
        assertThat(publications(system, false)).isZero();
    }

    @Test
    void anApprovalRolledBackStartsNoWatch() {
        Approved system = approvedAndUnwatched();
        int stored = publications(system, false) + publications(system, true);

        new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            publisher.publishEvent(system.event());
            approving.setRollbackOnly();
        });

        assertThat(watches(system)).isZero();
        assertThat(publications(system, false) + publications(system, true)).isEqualTo(stored);
    }

    @Test
    void aFailingWatchLeavesTheApprovalCommittedAndIsDeliveredAgain() {
        Approved system = approvedAndUnwatched();
        doThrow(new IllegalStateException("the engine is unavailable")).when(watchRows)
                .startUnlessWatched(eq(system.systemId()), any(), any());

        assertThatCode(() -> new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            jdbc.update("update ai_system set business_unit = ? where id = ?", "Approved unit", system.systemId());
            publisher.publishEvent(system.event());
        })).doesNotThrowAnyException();

        assertThat(jdbc.queryForObject("select business_unit from ai_system where id = ?", String.class,
                system.systemId())).as("the approval's own write committed").isEqualTo("Approved unit");
        assertThat(watches(system)).isZero();
        assertThat(publications(system, false)).as("incomplete, kept for another delivery").isOne();

        doCallRealMethod().when(watchRows).startUnlessWatched(eq(system.systemId()), any(), any());
        incompletePublications.resubmitIncompletePublications(publication -> true);

        assertThat(watches(system)).isOne();
        assertThat(publications(system, false)).isZero();
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart",
                Boolean.class)).as("delivered again at the next start").isTrue();
    }

    /**
     * A system walked through its gates and a version approved through the deployment gate over HTTP (olivia submits,
     * mia and sam review, oscar approves: a bound approval and its attestations); the watch that approval started is
     * then ended, so the approval played again is what starts the next one.
     */
    private Approved approvedAndUnwatched() {
        Api api = new Api(port);
        long system = SystemFixtures.registerSystem(api.as("olivia"), "Watch " + UUID.randomUUID(), "MINIMAL");
        LifecycleWalk walk = LifecycleWalk.over(api);
        walk.passGatesBeforeDeployment(system, "MINIMAL", "0.0.1-validated");
        long version = EvidenceFixtures.versionWithModelCard(api.as("mia"), system, "1.0.0", SystemFixtures.sha256());
        walk.approveDeployment(walk.submitForDeployment(system, "1.0.0", Map.of("note", "Enters operation"))
                .get("processInstanceId").asText(), "sam");
        Approved approved = new Approved(system, version);
        List<String> started = runtimeService.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", system).list().stream().map(instance -> instance.getId()).toList();
        assertThat(started).as("the watch the approval started").hasSize(1);
        runtimeService.deleteProcessInstance(started.get(0), "Suspended for the test");
        assertThat(watches(approved)).isZero();
        return approved;
    }

    private long watches(Approved system) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", system.systemId()).count();
    }

    private int publications(Approved system, boolean completed) {
        return jdbc.queryForObject("select count(*) from event_publication where event_type = ? and completion_date is "
                + (completed ? "not null" : "null") + " and serialized_event like ?", Integer.class,
                DeploymentApproved.class.getName(), "%\"systemId\":" + system.systemId() + ",%");
    }
}
