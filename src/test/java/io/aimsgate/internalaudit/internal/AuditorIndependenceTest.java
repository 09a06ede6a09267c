package io.aimsgate.internalaudit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.controls.Controls;
import io.aimsgate.gate.GateDecisions;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.raci.RaciRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Auditor independence (clause 9.2.2): control owners and RACI role holders of the scope are refused. */
class AuditorIndependenceTest {

    Controls controls = mock(Controls.class);
    InventoryService inventory = mock(InventoryService.class);
    GateDecisions gates = mock(GateDecisions.class);
    AuditorIndependence independence = new AuditorIndependence(controls, inventory, gates);

    @BeforeEach
    void setUp() {
        AiSystem system = mock(AiSystem.class);
        when(system.getName()).thenReturn("Credit scoring");
        when(system.getBusinessOwner()).thenReturn("olivia");
        when(inventory.requireSystem(7L)).thenReturn(system);
        GateRun inception = LifecycleFixtures.gate(70, 7, GateKind.INCEPTION, "pi-70", "olivia");
        when(gates.historyOf(7L)).thenReturn(List.of(inception));
        when(gates.decisionsOf(70L)).thenReturn(List.of(LifecycleFixtures.decision(1, 70, RaciRole.ACCOUNTABLE,
                "APPROVE", "Fit for purpose.", "oscar")));
        when(controls.ownedBy("alex")).thenReturn(Set.of());
        when(controls.ownedBy("mia")).thenReturn(Set.of("A.6.2.4", "A.7.2"));
    }

    @Test
    void anAuditorWithNoTieToTheScopeIsIndependent() {
        assertThat(independence.conflicts("alex", List.of(7L), Set.of("A.6.2.4"))).isEmpty();
    }

    @Test
    void theOwnerOfAControlInScopeIsNot() {
        assertThat(independence.conflicts("mia", List.of(), Set.of("A.6.2.4", "A.9.2"))).singleElement().asString()
                .contains("owns control A.6.2.4");
        // A control she owns outside the scope does not count.
        assertThat(independence.conflicts("mia", List.of(), Set.of("A.9.2"))).isEmpty();
    }

    @Test
    void theBusinessOwnerAndWhoeverActedInASystemsGatesAreNot() {
        assertThat(independence.conflicts("olivia", List.of(7L), Set.of())).singleElement().asString()
                .contains("business owner of AI system Credit scoring");
        assertThat(independence.conflicts("oscar", List.of(7L), Set.of())).singleElement().asString()
                .contains("holds a RACI role").contains("ACCOUNTABLE").contains("inception gate run 70");
    }
}
