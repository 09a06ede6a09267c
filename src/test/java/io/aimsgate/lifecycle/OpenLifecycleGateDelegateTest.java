package io.aimsgate.lifecycle;

import io.aimsgate.gate.GateKind;
import static io.aimsgate.lifecycle.LifecycleDecisions.*;
import static io.aimsgate.lifecycle.LifecycleFixtures.PI;
import static io.aimsgate.lifecycle.LifecycleFixtures.executionOf;
import static io.aimsgate.lifecycle.LifecycleFixtures.gate;
import static io.aimsgate.lifecycle.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.shared.ConflictException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first step of every life-cycle gate: opens the run and sets the variables the forms show. */
class OpenLifecycleGateDelegateTest {

    LifecycleGateService gates = mock(LifecycleGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    MonitoringService monitoring = mock(MonitoringService.class);
    OpenLifecycleGateDelegate delegate = new OpenLifecycleGateDelegate(gates, inventory,
            new LifecycleProperties("P6M", Map.of()), LifecycleFixtures.directEngineCalls(), monitoring);

    ProcessInstanceQuery others = mock(ProcessInstanceQuery.class, RETURNS_SELF);

    @BeforeEach
    void setUp() {
        AiSystem system = mock(AiSystem.class);
        when(system.getName()).thenReturn("Credit scoring");
        when(system.getBusinessOwner()).thenReturn("oscar");
        when(inventory.requireSystem(7L)).thenReturn(system);
        when(gates.open(eq(PI), any(), eq(7L), anyString(), any(), any()))
                .thenAnswer(call -> gate(42L, 7L, call.getArgument(1), PI, call.getArgument(3)));
        when(others.list()).thenReturn(List.of());
    }

    private ExecutionEntity execution(String processKey, Map<String, Object> variables, String user) {
        ExecutionEntity execution = executionOf(processKey, variables, user);
        when(execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery())
                .thenReturn(others);
        return execution;
    }

    @Test
    void opensTheRunInTheStartersNameAndSetsTheFormVariables() {
        ExecutionEntity execution = execution("design-development", variables(SYSTEM_ID, 7L), "olivia");

        delegate.execute(execution);

        verify(gates).open(PI, GateKind.DESIGN_AND_DEVELOPMENT, 7L, "olivia", null, null);
        assertThat(execution.getVariable(GATE_ID)).isEqualTo(42L);
        assertThat(execution.getVariable(SYSTEM_NAME)).isEqualTo("Credit scoring");
        assertThat(execution.getVariable(BUSINESS_OWNER)).isEqualTo("oscar");
        assertThat(execution.getVariable(REVIEW_REJECTED)).isEqualTo(false);
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isNull();
        assertThat(execution.getVariable(TRIGGER)).isNull();
    }

    @Test
    void withoutAnAuthenticatedUserTheInitiatorStartedIt() {
        delegate.execute(execution("inception", variables(SYSTEM_ID, 7L, INITIATOR, "pat"), null));

        verify(gates).open(PI, GateKind.INCEPTION, 7L, "pat", null, null);
    }

    @Test
    void withoutAnyoneThePlatformStartedIt() {
        delegate.execute(execution("retirement", variables(SYSTEM_ID, 7L, TRIGGER_DETAIL, "Re-evaluation 40 decided"),
                null));

        verify(gates).open(PI, GateKind.RETIREMENT, 7L, GateActors.PLATFORM, null,
                "Re-evaluation 40 decided");
    }

    @Test
    void aManualReevaluationIsMarkedManualAndGetsTheConfiguredInterval() {
        ExecutionEntity execution = execution("re-evaluation", variables(SYSTEM_ID, 7L, TRIGGER_DETAIL,
                "Quarterly audit"), "mia");

        delegate.execute(execution);

        verify(gates).open(PI, GateKind.RE_EVALUATION, 7L, "mia", "MANUAL", "Quarterly audit");
        assertThat(execution.getVariable(TRIGGER)).isEqualTo("MANUAL");
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isEqualTo("P6M");
        verify(others).processDefinitionKey("re-evaluation");
        verify(others).variableValueEquals(SYSTEM_ID, 7L);
    }

    @Test
    void aReevaluationKeepsItsTriggerAndInterval() {
        ExecutionEntity execution = execution("re-evaluation", variables(SYSTEM_ID, 7L, TRIGGER, "MONITORING_BREACH",
                REEVALUATION_INTERVAL, "PT1H"), null);

        delegate.execute(execution);

        verify(gates).open(eq(PI), eq(GateKind.RE_EVALUATION), eq(7L), eq(GateActors.PLATFORM),
                eq("MONITORING_BREACH"), isNull());
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isEqualTo("PT1H");
    }

    @Test
    void aManualRequestWakesTheWaitingWatchAndEndsWithoutARunOfItsOwn() {
        ProcessInstance self = mock(ProcessInstance.class);
        when(self.getId()).thenReturn(PI);
        ProcessInstance watcher = mock(ProcessInstance.class);
        when(watcher.getId()).thenReturn("pi-watch");
        when(others.list()).thenReturn(List.of(self, watcher));
        when(monitoring.wakeWatch(eq(7L), eq("MANUAL"), anyString())).thenReturn(true);
        ExecutionEntity execution = execution("re-evaluation", variables(SYSTEM_ID, 7L, TRIGGER_DETAIL,
                "New regulator guidance"), "mia");

        delegate.execute(execution);

        verify(monitoring).wakeWatch(7L, "MANUAL", "Requested by mia: New regulator guidance");
        verify(execution).setVariable(HANDED_OVER_TO_WATCH, true);
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
    }

    @Test
    void aSecondReevaluationWhileTheWatchIsReassessingIsRefused() {
        ProcessInstance self = mock(ProcessInstance.class);
        when(self.getId()).thenReturn(PI);
        ProcessInstance watcher = mock(ProcessInstance.class);
        when(watcher.getId()).thenReturn("pi-watch");
        when(others.list()).thenReturn(List.of(self, watcher));
        when(monitoring.wakeWatch(anyLong(), anyString(), anyString())).thenReturn(false);

        assertThatThrownBy(() -> delegate.execute(execution("re-evaluation", variables(SYSTEM_ID, 7L), "mia")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasons()).singleElement()
                        .asString().contains("already re-assessing"));
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
    }

    @Test
    void theReevaluationItselfIsNoSecondWatch() {
        ProcessInstance self = mock(ProcessInstance.class);
        when(self.getId()).thenReturn(PI);
        when(others.list()).thenReturn(List.of(self));

        delegate.execute(execution("re-evaluation", variables(SYSTEM_ID, 7L), "mia"));

        verify(gates).open(PI, GateKind.RE_EVALUATION, 7L, "mia", "MANUAL", null);
    }

    @Test
    void aProcessThatIsNoLifecycleGateIsRefused() {
        assertThatThrownBy(() -> delegate.execute(execution("deployment-approval", variables(SYSTEM_ID, 7L), "mia")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a life-cycle gate");
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
    }
}
