package io.aimsgate.gate.internal;

import static io.aimsgate.gate.LifecycleDecisions.*;
import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.executionOf;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static io.aimsgate.gate.LifecycleFixtures.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleGateEntry;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The first step of every life-cycle gate: opens the run and sets the variables the forms show; the entry of the
 * gate's own feature runs before and after (the re-evaluation's: ReevaluationGateEntryTest).
 */
class OpenLifecycleGateDelegateTest {

    LifecycleGateService gates = mock(LifecycleGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    RecordingEntry retirementEntry = new RecordingEntry(LifecycleGateKind.RETIREMENT);
    OpenLifecycleGateDelegate delegate = new OpenLifecycleGateDelegate(gates, inventory, List.of(retirementEntry));

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

        verify(gates).open(PI, LifecycleGateKind.DESIGN_AND_DEVELOPMENT, 7L, "olivia", null, null);
        assertThat(execution.getVariable(GATE_ID)).isEqualTo(42L);
        assertThat(execution.getVariable(SYSTEM_NAME)).isEqualTo("Credit scoring");
        assertThat(execution.getVariable(BUSINESS_OWNER)).isEqualTo("oscar");
        assertThat(execution.getVariable(REVIEW_REJECTED)).isEqualTo(false);
        assertThat(execution.getVariable(REEVALUATION_INTERVAL)).isNull();
        assertThat(execution.getVariable(TRIGGER)).isNull();
    }

    @Test
    void withoutAnAuthenticatedUserAVariableNamingSomeoneIsNotTrusted() {
        // The engine sets "initiator" from the authenticated user; without one, a variable of that name names nobody.
        delegate.execute(execution("inception", variables(SYSTEM_ID, 7L, INITIATOR, "pat"), null));

        verify(gates).open(PI, LifecycleGateKind.INCEPTION, 7L, io.aimsgate.shared.Actors.PLATFORM, null, null);
    }

    @Test
    void withoutAnyoneThePlatformStartedIt() {
        delegate.execute(execution("retirement", variables(SYSTEM_ID, 7L, TRIGGER_DETAIL, "Re-evaluation 40 decided"),
                null));

        verify(gates).open(PI, LifecycleGateKind.RETIREMENT, 7L, io.aimsgate.shared.Actors.PLATFORM, null,
                "Re-evaluation 40 decided");
    }

    @Test
    void aProcessThatIsNoLifecycleGateIsRefused() {
        assertThatThrownBy(() -> delegate.execute(execution("deployment-approval", variables(SYSTEM_ID, 7L), "mia")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a life-cycle gate");
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
    }

    @Test
    void theEntryOfTheGatesOwnFeatureRunsBeforeAndAfterTheRunOpens() {
        ExecutionEntity execution = execution("retirement", variables(SYSTEM_ID, 7L), "olivia");

        delegate.execute(execution);

        assertThat(retirementEntry.calls).containsExactly("handOver 7", "opened");
        verify(gates).open(PI, LifecycleGateKind.RETIREMENT, 7L, "olivia", null, null);
        delegate.execute(execution("inception", variables(SYSTEM_ID, 7L), "olivia"));
        assertThat(retirementEntry.calls).hasSize(2);
    }

    @Test
    void anEntryThatHandsOverEndsTheStepWithoutARun() {
        retirementEntry.handsOver = true;
        ExecutionEntity execution = execution("retirement", variables(SYSTEM_ID, 7L), "olivia");

        delegate.execute(execution);

        assertThat(retirementEntry.calls).containsExactly("handOver 7");
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
        assertThat(execution.getVariable(GATE_ID)).isNull();
    }

    @Test
    void twoEntriesForOneGateAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new OpenLifecycleGateDelegate(gates, inventory,
                List.of(retirementEntry, new RecordingEntry(LifecycleGateKind.RETIREMENT))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RETIREMENT");
    }

    /** An entry that records what it was asked. */
    static final class RecordingEntry implements LifecycleGateEntry {

        final LifecycleGateKind kind;
        final List<String> calls = new ArrayList<>();
        boolean handsOver;

        RecordingEntry(LifecycleGateKind kind) {
            this.kind = kind;
        }

        @Override
        public LifecycleGateKind kind() {
            return kind;
        }

        @Override
        public boolean handOver(DelegateExecution execution, Long systemId) {
            calls.add("handOver " + systemId);
            return handsOver;
        }

        @Override
        public void opened(DelegateExecution execution) {
            calls.add("opened");
        }
    }
}
