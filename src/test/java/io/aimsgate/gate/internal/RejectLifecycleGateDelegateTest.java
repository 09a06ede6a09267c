package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleDecisions.REJECTION_REASON;
import static io.aimsgate.gate.LifecycleFixtures.decision;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.serviceTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleDecision;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.raci.RaciRole;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A gate run ended without passing: in whose name, with which status and reason. */
class RejectLifecycleGateDelegateTest {

    LifecycleGateService gates = mock(LifecycleGateService.class);
    RejectLifecycleGateDelegate delegate = new RejectLifecycleGateDelegate(gates);

    private void lastRejectOrWithdraw(LifecycleDecision decision) {
        when(gates.lastDecisionOf(42L, Set.of("REJECT", "WITHDRAW"))).thenReturn(Optional.ofNullable(decision));
    }

    private void run(Map<String, Object> variables) {
        delegate.execute(execution(variables, "someone-else", serviceTask("raciActivity", "design-approval")));
    }

    @Test
    void aRejectionIsRecordedInTheRejectersNameWithTheirRationale() {
        lastRejectOrWithdraw(decision(3, 42L, RaciRole.CONSULTED, "REJECT", "Personal data not minimised.", "pia"));

        run(variables(GATE_ID, 42L));

        verify(gates).end(42L, LifecycleGateStatus.REJECTED, "pia", "Personal data not minimised.",
                "design-approval");
    }

    @Test
    void aWithdrawalEndsTheRunWithdrawnWithTheWithdrawersRationale() {
        lastRejectOrWithdraw(decision(2, 42L, RaciRole.RESPONSIBLE, "WITHDRAW", "Licences cannot be cleared.", "mia"));

        run(variables(GATE_ID, 42L));

        verify(gates).end(42L, LifecycleGateStatus.WITHDRAWN, "mia", "Licences cannot be cleared.", "design-approval");
    }

    @Test
    void aComputedRejectionReasonWins() {
        lastRejectOrWithdraw(decision(3, 42L, RaciRole.CONSULTED, "REJECT", "Personal data not minimised.", "pia"));

        run(variables(GATE_ID, 42L, REJECTION_REASON, "Prohibited AI practice under the EU AI Act: Art. 5(1)(c)"));

        verify(gates).end(42L, LifecycleGateStatus.REJECTED, "pia",
                "Prohibited AI practice under the EU AI Act: Art. 5(1)(c)", "design-approval");
    }

    @Test
    void withoutADecisionThePlatformDecides() {
        lastRejectOrWithdraw(null);

        run(variables(GATE_ID, 42L, REJECTION_REASON, "Prohibited AI practice under the EU AI Act: Art. 5(1)(a)"));

        verify(gates).end(42L, LifecycleGateStatus.REJECTED, io.aimsgate.shared.Actors.PLATFORM,
                "Prohibited AI practice under the EU AI Act: Art. 5(1)(a)", "design-approval");
    }

    @Test
    void withoutADecisionOrReasonTheRunIsSimplyRejected() {
        lastRejectOrWithdraw(null);

        run(variables(GATE_ID, 42L));

        verify(gates).end(42L, LifecycleGateStatus.REJECTED, io.aimsgate.shared.Actors.PLATFORM, "Rejected", "design-approval");
    }

    @Test
    void aServiceTaskWithoutRaciActivityIsAModellingError() {
        assertThatThrownBy(() -> delegate.execute(execution(variables(GATE_ID, 42L), null, serviceTask())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("raciActivity");
        verify(gates, never()).end(any(), any(), any(), any(), any());
    }
}
