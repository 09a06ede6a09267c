package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.GATE_ID;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.serviceTask;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.aimsgate.gate.LifecycleGateService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** Passes the gate run the process holds, telling the Informed of the service task's raciActivity. */
class PassLifecycleGateDelegateTest {

    LifecycleGateService gates = mock(LifecycleGateService.class);
    PassLifecycleGateDelegate delegate = new PassLifecycleGateDelegate(gates);

    @Test
    void passesTheGateRunWithTheServiceTasksActivity() {
        delegate.execute(execution(variables(GATE_ID, 42L), "bea", serviceTask("raciActivity", "validation-approval",
                "other", "ignored")));

        verify(gates).pass(42L, "validation-approval");
    }

    @Test
    void aServiceTaskWithoutRaciActivityIsAModellingError() {
        assertThatThrownBy(() -> delegate.execute(execution(variables(GATE_ID, 42L), null, serviceTask("raciRole",
                "ACCOUNTABLE")))).isInstanceOf(IllegalStateException.class).hasMessageContaining("service_task");
        verify(gates, never()).pass(any(), any());
    }

    @Test
    void aMissingGateIdIsRefused() {
        assertThatThrownBy(() -> delegate.execute(execution(variables(), null, serviceTask("raciActivity",
                "validation-approval")))).isInstanceOf(BadUserRequestException.class);
        verify(gates, never()).pass(any(), any());
    }
}
