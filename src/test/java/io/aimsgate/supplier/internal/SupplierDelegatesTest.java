package io.aimsgate.supplier.internal;

import static io.aimsgate.gate.LifecycleFixtures.PI;
import static io.aimsgate.gate.LifecycleFixtures.execution;
import static io.aimsgate.gate.LifecycleFixtures.executionOf;
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

import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.SupplierType;
import io.aimsgate.shared.ConflictException;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.junit.jupiter.api.Test;

/** The supplier-assessment gate's own steps and its entry, thin over {@link SupplierAssessments}. */
class SupplierDelegatesTest {

    SupplierAssessments assessments = mock(SupplierAssessments.class);
    InventoryService inventory = mock(InventoryService.class);

    @Test
    void theRecordStepStoresTheSubmittedDueDiligenceAsTheActingUser() {
        DelegateExecution execution = execution(variables("gateId", 31L, "trainingDataProvenance", " Licensed corpus ",
                "exitPlan", "Fall back to the FAQ search."), "olivia");
        new SupplierDelegates.RecordDueDiligence(assessments).execute(execution);
        verify(assessments).record(eq(31L), eq(new DueDiligence("Licensed corpus", null, null, null, null, null,
                "Fall back to the FAQ search.")), eq("olivia"));
    }

    @Test
    void theReopenStepOpensANewRunWhileTheSystemStillNeedsVetting() {
        DelegateExecution execution = execution(variables("systemId", 5L, "gateId", 31L, "reviewRejected", true));
        when(execution.getProcessInstanceId()).thenReturn(PI);
        when(assessments.needsAssessment(5L)).thenReturn(true);
        GateRun next = LifecycleFixtures.gate(32, 5, GateKind.SUPPLIER_ASSESSMENT, PI, "aims-gate-platform");
        when(assessments.reopen(PI, 5L)).thenReturn(next);
        new SupplierDelegates.ReopenAssessment(assessments).execute(execution);
        assertThat(execution.getVariable("gateId")).isEqualTo(32L);
        assertThat(execution.getVariable("reassessmentDue")).isEqualTo(true);
        assertThat(execution.getVariable("reviewRejected")).isEqualTo(false);
    }

    @Test
    void theReopenStepEndsTheWatchOfASystemThatNeedsNoVettingAnyMore() {
        DelegateExecution execution = execution(variables("systemId", 5L, "gateId", 31L));
        when(assessments.needsAssessment(5L)).thenReturn(false);
        new SupplierDelegates.ReopenAssessment(assessments).execute(execution);
        assertThat(execution.getVariable("reassessmentDue")).isEqualTo(false);
        assertThat(execution.getVariable("gateId")).isEqualTo(31L);
        verify(assessments, never()).reopen(anyString(), any());
    }

    @Test
    void anInHouseSystemCannotEnterTheGate() {
        AiSystem system = mock(AiSystem.class);
        when(system.getSupplierType()).thenReturn(SupplierType.IN_HOUSE);
        when(inventory.requireSystem(5L)).thenReturn(system);
        SupplierGateEntry entry = new SupplierGateEntry(inventory, assessments, LifecycleFixtures.directEngineCalls());
        ExecutionEntity execution = executionOf("supplier-assessment", variables("systemId", 5L), "olivia");
        assertThatThrownBy(() -> entry.handOver(execution, 5L)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reasons()).singleElement().asString().contains("built in house"));
    }

    @Test
    void aNewAssessmentEndsTheInstanceWaitingForTheReassessmentTimer() {
        AiSystem system = mock(AiSystem.class);
        when(system.getSupplierType()).thenReturn(SupplierType.THIRD_PARTY);
        when(system.getSupplierName()).thenReturn("Example LLM Vendor");
        when(inventory.requireSystem(5L)).thenReturn(system);
        when(assessments.reassessmentInterval()).thenReturn("P12M");
        SupplierGateEntry entry = new SupplierGateEntry(inventory, assessments, LifecycleFixtures.directEngineCalls());
        ExecutionEntity execution = executionOf("supplier-assessment", variables("systemId", 5L), "olivia");
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        ProcessInstanceQuery query = mock(ProcessInstanceQuery.class, RETURNS_SELF);
        when(runtime.createProcessInstanceQuery()).thenReturn(query);
        ProcessInstance waiting = mock(ProcessInstance.class);
        when(waiting.getId()).thenReturn("pi-waiting");
        ProcessInstance self = mock(ProcessInstance.class);
        when(self.getId()).thenReturn(PI);
        when(query.list()).thenReturn(List.of(waiting, self));

        assertThat(entry.handOver(execution, 5L)).isFalse();
        verify(query).activityIdIn(SupplierGateEntry.TIMER);
        verify(runtime).deleteProcessInstance(eq("pi-waiting"), anyString());
        verify(runtime, never()).deleteProcessInstance(eq(PI), anyString());
        entry.opened(execution);
        assertThat(execution.getVariable("supplierName")).isEqualTo("Example LLM Vendor");
        assertThat(execution.getVariable("reassessmentInterval")).isEqualTo("P12M");
    }
}
