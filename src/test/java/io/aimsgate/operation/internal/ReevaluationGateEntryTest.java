package io.aimsgate.operation.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.executionOf;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.operation.MonitoringService;
import io.aimsgate.shared.ConflictException;
import io.aimsgate.validation.LifecycleProperties;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entering the re-evaluation gate: manual requests, one watch per system, the configured interval. */
class ReevaluationGateEntryTest {

    InventoryService inventory = mock(InventoryService.class);
    MonitoringService monitoring = mock(MonitoringService.class);
    ReevaluationGateEntry entry = new ReevaluationGateEntry(inventory, LifecycleFixtures.directEngineCalls(),
            monitoring, new LifecycleProperties("P6M", Map.of()));

    ProcessInstanceQuery others = mock(ProcessInstanceQuery.class, RETURNS_SELF);

    @BeforeEach
    void setUp() {
        AiSystem system = mock(AiSystem.class);
        when(system.getName()).thenReturn("Credit scoring");
        when(inventory.requireSystem(7L)).thenReturn(system);
        when(others.list()).thenReturn(List.of());
    }

    private ExecutionEntity execution(Map<String, Object> variables, String user) {
        ExecutionEntity execution = executionOf("re-evaluation", variables, user);
        when(execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery())
                .thenReturn(others);
        return execution;
    }

    private void otherInstances(String... ids) {
        List<ProcessInstance> instances = new java.util.ArrayList<>();
        for (String id : ids) {
            ProcessInstance instance = mock(ProcessInstance.class);
            when(instance.getId()).thenReturn(id);
            instances.add(instance);
        }
        when(others.list()).thenReturn(instances);
    }

    @Test
    void entersTheReevaluationGate() {
        assertThat(entry.kind()).isEqualTo(LifecycleGateKind.RE_EVALUATION);
    }

    @Test
    void aManualReevaluationIsMarkedManualAndGetsTheConfiguredInterval() {
        ExecutionEntity execution = execution(variables(SYSTEM_ID, 7L, TRIGGER_DETAIL, "Quarterly audit"), "mia");

        assertThat(entry.handOver(execution, 7L)).isFalse();
        entry.opened(execution);

        assertThat(execution.getVariable(TRIGGER)).isEqualTo("MANUAL");
        assertThat(execution.getVariable(HANDED_OVER_TO_WATCH)).isEqualTo(false);
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isEqualTo("P6M");
        verify(others).processDefinitionKey("re-evaluation");
        verify(others).variableValueEquals(SYSTEM_ID, 7L);
    }

    @Test
    void aReevaluationKeepsItsTriggerAndInterval() {
        ExecutionEntity execution = execution(variables(SYSTEM_ID, 7L, TRIGGER, "MONITORING_BREACH",
                REEVALUATION_INTERVAL, "PT1H"), null);

        assertThat(entry.handOver(execution, 7L)).isFalse();
        entry.opened(execution);

        assertThat(execution.getVariable(TRIGGER)).isEqualTo("MONITORING_BREACH");
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isEqualTo("PT1H");
    }

    @Test
    void aManualRequestWakesTheWaitingWatchAndEndsWithoutARunOfItsOwn() {
        otherInstances(PI, "pi-watch");
        when(monitoring.wakeWatch(eq(7L), eq("MANUAL"), anyString())).thenReturn(true);
        ExecutionEntity execution = execution(variables(SYSTEM_ID, 7L, TRIGGER_DETAIL, "New regulator guidance"),
                "mia");

        assertThat(entry.handOver(execution, 7L)).isTrue();

        verify(monitoring).wakeWatch(7L, "MANUAL", "Requested by mia: New regulator guidance");
        assertThat(execution.getVariable(HANDED_OVER_TO_WATCH)).isEqualTo(true);
        assertThat(execution.getVariable(SYSTEM_NAME)).isEqualTo("Credit scoring");
    }

    @Test
    void aSecondReevaluationWhileTheWatchIsReassessingIsRefused() {
        otherInstances(PI, "pi-watch");
        when(monitoring.wakeWatch(anyLong(), anyString(), anyString())).thenReturn(false);

        assertThatThrownBy(() -> entry.handOver(execution(variables(SYSTEM_ID, 7L), "mia"), 7L))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reasons()).singleElement()
                        .asString().contains("already re-assessing"));
    }

    @Test
    void theReevaluationItselfIsNoSecondWatch() {
        otherInstances(PI);

        assertThat(entry.handOver(execution(variables(SYSTEM_ID, 7L), "mia"), 7L)).isFalse();

        verify(monitoring, never()).wakeWatch(anyLong(), anyString(), anyString());
    }
}
