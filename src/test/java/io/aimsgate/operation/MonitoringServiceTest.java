package io.aimsgate.operation;

import static io.aimsgate.gate.LifecycleFixtures.NOW;
import static io.aimsgate.gate.LifecycleFixtures.gate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.LifecycleFixtures;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.validation.MetricBound;
import io.aimsgate.validation.MetricKind;
import io.aimsgate.validation.Objectives;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A monitoring reading past its objective sets off a re-evaluation: wakes the waiting one, or starts one. */
class MonitoringServiceTest {

    static final long SYSTEM = 7L;
    static final String WAITING_PI = "pi-watch";

    MonitoringReadingRepository readings = mock(MonitoringReadingRepository.class);
    Objectives objectives = mock(Objectives.class);
    LifecycleGateService gates = mock(LifecycleGateService.class);
    InventoryService inventory = mock(InventoryService.class);
    RuntimeService runtime = mock(RuntimeService.class);
    MonitoringService monitoring = new MonitoringService(readings, objectives, gates, inventory, runtime,
            LifecycleFixtures.directEngineCalls(), LifecycleFixtures.CLOCK);

    ExecutionQuery waiting = mock(ExecutionQuery.class, RETURNS_SELF);
    MessageCorrelationBuilder correlation = mock(MessageCorrelationBuilder.class, RETURNS_SELF);

    @BeforeEach
    void setUp() {
        when(readings.save(any())).thenAnswer(call -> call.getArgument(0));
        when(objectives.forMetric(SYSTEM, "klDivergence")).thenReturn(Optional.of(new Objectives.InForce(
                "klDivergence", MetricKind.DRIFT, MetricBound.MAX, 0.10, false, null, null)));
        when(objectives.forMetric(SYSTEM, "latencyP99")).thenReturn(Optional.empty());
        when(runtime.createExecutionQuery()).thenReturn(waiting);
        when(waiting.list()).thenReturn(List.of());
        when(runtime.createMessageCorrelation(anyString())).thenReturn(correlation);
        when(gates.entryBlockers(SYSTEM, LifecycleGateKind.RE_EVALUATION)).thenReturn(List.of());
        when(gates.isInProgress(SYSTEM, LifecycleGateKind.RE_EVALUATION)).thenReturn(false);
    }

    private void aReevaluationWaits() {
        Execution execution = mock(Execution.class);
        when(execution.getProcessInstanceId()).thenReturn(WAITING_PI);
        when(waiting.list()).thenReturn(List.of(execution));
        when(gates.open(eq(WAITING_PI), eq(LifecycleGateKind.RE_EVALUATION), eq(SYSTEM), anyString(), anyString(),
                anyString())).thenReturn(gate(77L, SYSTEM, LifecycleGateKind.RE_EVALUATION, WAITING_PI,
                        io.aimsgate.shared.Actors.PLATFORM));
    }

    @Test
    void aReadingWithinItsObjectiveNeedsNothing() {
        MonitoringReading reading = monitoring.record(SYSTEM, "klDivergence", 0.0999, null, "pipeline");

        assertThat(reading.isBreached()).isFalse();
        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.NOT_NEEDED);
        assertThat(reading.getBound()).isEqualTo(MetricBound.MAX);
        assertThat(reading.getThreshold()).isEqualTo(0.10);
        assertThat(reading.getMeasuredAt()).isEqualTo(NOW);
        verify(readings).save(reading);
        verifyNoInteractions(runtime);
    }

    @Test
    void aMetricWithoutObjectiveIsKeptButNeverBreaches() {
        MonitoringReading reading = monitoring.record(SYSTEM, "latencyP99", 5000, null, "pipeline");

        assertThat(reading.isBreached()).isFalse();
        assertThat(reading.getBound()).isNull();
        assertThat(reading.getThreshold()).isNull();
        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.NOT_NEEDED);
        verifyNoInteractions(runtime);
    }

    @Test
    void aBreachWakesTheWaitingReevaluation() {
        aReevaluationWaits();
        Instant measured = NOW.minusSeconds(600);

        MonitoringReading reading = monitoring.record(SYSTEM, "klDivergence", 0.1, measured, "pipeline");

        assertThat(reading.isBreached()).isTrue();
        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.TRIGGERED);
        verify(waiting).processDefinitionKey("re-evaluation");
        verify(waiting).messageEventSubscriptionName("MonitoringThresholdBreached");
        verify(waiting).processVariableValueEquals("systemId", SYSTEM);
        verify(gates).open(eq(WAITING_PI), eq(LifecycleGateKind.RE_EVALUATION), eq(SYSTEM), eq(io.aimsgate.shared.Actors.PLATFORM),
                eq("MONITORING_BREACH"), startsWith("Monitoring reading klDivergence = 0.1000 at or above threshold"));
        verify(runtime).createMessageCorrelation("MonitoringThresholdBreached");
        verify(correlation).processInstanceId(WAITING_PI);
        verify(correlation).setVariable("trigger", "MONITORING_BREACH");
        verify(correlation).setVariable("gateId", 77L);
        verify(correlation).correlate();
        verify(correlation, never()).correlateStartMessage();
    }

    @Test
    void aBreachWithoutAWaitingReevaluationStartsOne() {
        MonitoringReading reading = monitoring.record(SYSTEM, "klDivergence", 0.4, null, "pipeline");

        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.STARTED);
        verify(runtime).createMessageCorrelation("ReEvaluationRequested");
        verify(correlation).setVariable("systemId", SYSTEM);
        verify(correlation).setVariable("trigger", "MONITORING_BREACH");
        verify(correlation).setVariable(eq("triggerDetail"), startsWith("Monitoring reading klDivergence = 0.4000"));
        verify(correlation).correlateStartMessage();
        verify(correlation, never()).correlate();
        verify(gates, never()).open(any(), any(), any(), any(), any(), any());
    }

    @Test
    void aBreachOfASystemNotPastValidationStartsNothing() {
        when(gates.entryBlockers(SYSTEM, LifecycleGateKind.RE_EVALUATION))
                .thenReturn(List.of("The verification & validation gate has not been passed."));

        MonitoringReading reading = monitoring.record(SYSTEM, "klDivergence", 0.4, null, "pipeline");

        assertThat(reading.isBreached()).isTrue();
        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.NOT_NEEDED);
        verify(runtime, never()).createMessageCorrelation(anyString());
    }

    @Test
    void aBreachWhileAReevaluationIsUnderWayStartsNoSecond() {
        when(gates.isInProgress(SYSTEM, LifecycleGateKind.RE_EVALUATION)).thenReturn(true);

        MonitoringReading reading = monitoring.record(SYSTEM, "klDivergence", 0.4, null, "pipeline");

        assertThat(reading.getReevaluation()).isEqualTo(MonitoringReading.Reevaluation.ALREADY_RUNNING);
        verify(runtime, never()).createMessageCorrelation(anyString());
    }
}
