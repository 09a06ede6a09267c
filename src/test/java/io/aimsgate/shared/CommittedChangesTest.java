package io.aimsgate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.AiType;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.inventory.SystemDetails;
import io.aimsgate.support.H2DemoApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The change counter the short-lived caches trust: it moves after a commit, and only after one. */
@H2DemoApp
class CommittedChangesTest {

    @Autowired
    CommittedChanges changes;

    @Autowired
    InventoryService inventory;

    @Autowired
    PlatformTransactionManager transactions;

    private AiSystem createSystem(String name) {
        return inventory.createSystem(new SystemDetails(name, "Counter test system.", AiType.PREDICTIVE, "olivia",
                "Testing", SupplierType.IN_HOUSE, null, EuAiActTier.MINIMAL, List.of("none"), false),
                LifecycleStage.INCEPTION, "olivia");
    }

    @Test
    void movesWhenAWriteCommitsNotBefore() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long before = changes.generation();
        tx.executeWithoutResult(status -> {
            createSystem("Counted system");
            assertThat(changes.generation()).as("not yet committed").isEqualTo(before);
        });
        assertThat(changes.generation()).isGreaterThan(before);
    }

    @Test
    void staysWhenTheWriteRollsBack() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        long before = changes.generation();
        tx.executeWithoutResult(status -> {
            createSystem("Rolled back system");
            status.setRollbackOnly();
        });
        assertThat(changes.generation()).isEqualTo(before);
    }

    @Test
    void movesWhenAnExistingRowChanges() {
        AiSystem system = createSystem("Moved system");
        long before = changes.generation();
        inventory.moveToStage(system.getId(), LifecycleStage.DESIGN_AND_DEVELOPMENT);
        assertThat(changes.generation()).isGreaterThan(before);
    }

    @Test
    void readsDoNotMoveIt() {
        AiSystem system = createSystem("Read system");
        long before = changes.generation();
        inventory.requireSystem(system.getId());
        assertThat(changes.generation()).isEqualTo(before);
    }
}
