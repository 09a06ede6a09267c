package io.aimsgate.operation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.aimsgate.gate.DeploymentApproved;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.support.H2DemoApp;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
 * incomplete publication is delivered again (at the next start: republish-outstanding-events-on-restart). The
 * approval is played here by a transaction that writes and publishes DeploymentApproved, as DeploymentGateService
 * does inside the approving engine command.
 */
@H2DemoApp
class OperationWatchAfterCommitTest {

    @MockitoSpyBean
    InventoryService inventory;
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
        AiSystem system = newSystem();

        new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            publisher.publishEvent(new DeploymentApproved(system.getId(), null, "bea"));
            assertThat(watches(system)).as("inside the approving transaction").isZero();
            entityManager.flush();
            assertThat(publications(system, false)).as("stored with the approval").isOne();
        });

        assertThat(watches(system)).isOne();
        assertThat(publications(system, true)).isOne();
        assertThat(publications(system, false)).isZero();
    }

    @Test
    void anApprovalRolledBackStartsNoWatch() {
        AiSystem system = newSystem();

        new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            publisher.publishEvent(new DeploymentApproved(system.getId(), null, "bea"));
            approving.setRollbackOnly();
        });

        assertThat(watches(system)).isZero();
        assertThat(publications(system, false) + publications(system, true)).isZero();
    }

    @Test
    void aFailingWatchLeavesTheApprovalCommittedAndIsDeliveredAgain() {
        AiSystem system = newSystem();
        doThrow(new IllegalStateException("the engine is unavailable")).when(inventory).requireSystem(system.getId());

        assertThatCode(() -> new TransactionTemplate(transactions).executeWithoutResult(approving -> {
            jdbc.update("update ai_system set business_unit = ? where id = ?", "Approved unit", system.getId());
            publisher.publishEvent(new DeploymentApproved(system.getId(), null, "bea"));
        })).doesNotThrowAnyException();

        assertThat(jdbc.queryForObject("select business_unit from ai_system where id = ?", String.class,
                system.getId())).as("the approval's own write committed").isEqualTo("Approved unit");
        assertThat(watches(system)).isZero();
        assertThat(publications(system, false)).as("incomplete, kept for another delivery").isOne();

        doCallRealMethod().when(inventory).requireSystem(system.getId());
        incompletePublications.resubmitIncompletePublications(publication -> true);

        assertThat(watches(system)).isOne();
        assertThat(publications(system, false)).isZero();
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart",
                Boolean.class)).as("delivered again at the next start").isTrue();
    }

    private AiSystem newSystem() {
        return inventory.createSystem(new SystemDetails("Watch " + UUID.randomUUID(), "Enters operation.",
                AiType.PREDICTIVE, "olivia", "Testing", SupplierType.IN_HOUSE, null, EuAiActTier.MINIMAL,
                List.of("none"), false), LifecycleStage.DEPLOYMENT, "olivia");
    }

    private long watches(AiSystem system) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("re-evaluation")
                .variableValueEquals("systemId", system.getId()).count();
    }

    private int publications(AiSystem system, boolean completed) {
        return jdbc.queryForObject("select count(*) from event_publication where event_type = ? and completion_date is "
                + (completed ? "not null" : "null") + " and serialized_event like ?", Integer.class,
                DeploymentApproved.class.getName(), "%\"systemId\":" + system.getId() + ",%");
    }
}
