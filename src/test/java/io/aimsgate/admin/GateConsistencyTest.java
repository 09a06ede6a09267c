package io.aimsgate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.aimsgate.gate.DeploymentGateService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.inventory.VersionStatus;
import io.aimsgate.raci.GateRuns;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GateConsistencyTest {

    GateRuns deployment = mock(GateRuns.class);
    DeploymentGateService deploymentGate = mock(DeploymentGateService.class);
    GateRuns lifecycle = mock(GateRuns.class);
    RuntimeService runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
    TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
    PlatformEngineAccess engine = mock(PlatformEngineAccess.class);
    GateConsistency consistency;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        when(engine.withoutUserAuthorization(any())).thenAnswer(call -> ((Supplier<Object>) call.getArgument(0)).get());
        when(deployment.runs("deployment-approval")).thenReturn(true);
        when(lifecycle.runs("inception")).thenReturn(true);
        consistency = new GateConsistency(List.of(deployment, lifecycle), deploymentGate, runtime, tasks, engine,
                Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void agreeingTablesAndEngineAreConsistent() {
        GateRuns.OpenRun run = new GateRuns.OpenRun("deployment", 1L, "pi-1", 7L, "deployment request 1");
        when(deployment.openRuns()).thenReturn(List.of(run));
        running("pi-1");
        List<Task> open = List.of(task("t-1", "pi-1", "deployment-approval:1:x"));
        when(tasks.createTaskQuery().active().list()).thenReturn(open);

        GateConsistency.Report report = consistency.check();

        assertThat(report.consistent()).isTrue();
        assertThat(report.findings()).isEmpty();
    }

    @Test
    void everyKindOfOrphanIsReported() {
        ModelVersion stranded = mock(ModelVersion.class);
        when(stranded.getId()).thenReturn(11L);
        when(stranded.getSystemId()).thenReturn(7L);
        when(stranded.getVersionLabel()).thenReturn("1.0.0");
        when(stranded.getStatus()).thenReturn(VersionStatus.IN_REVIEW);
        when(deploymentGate.versionsInReviewWithoutGate()).thenReturn(List.of(stranded));
        when(lifecycle.openRuns()).thenReturn(List.of(new GateRuns.OpenRun("INCEPTION", 3L, "pi-gone", 7L,
                "the inception gate run 3")));
        running();
        List<Task> open = List.of(task("t-9", "pi-9", "inception:2:y"),
                task("t-incident", "pi-incident", "incident-escalation:1:z"));
        when(tasks.createTaskQuery().active().list()).thenReturn(open);

        GateConsistency.Report report = consistency.check();

        assertThat(report.consistent()).isFalse();
        assertThat(report.findings()).extracting(GateConsistency.Finding::kind, GateConsistency.Finding::processInstanceId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GateConsistency.Kind.VERSION_IN_REVIEW_WITHOUT_GATE, null),
                        org.assertj.core.groups.Tuple.tuple(GateConsistency.Kind.OPEN_RUN_WITHOUT_PROCESS, "pi-gone"),
                        org.assertj.core.groups.Tuple.tuple(GateConsistency.Kind.PROCESS_WITHOUT_OPEN_RUN, "pi-9"));
        assertThat(report.findings().get(0).subject()).contains("1.0.0").contains("id 11");
    }

    @Test
    void aFailingCheckDoesNotStopTheStartUp() {
        when(deploymentGate.versionsInReviewWithoutGate()).thenThrow(new IllegalStateException("database down"));

        assertThatCode(() -> consistency.checkAtStartUp()).doesNotThrowAnyException();
    }

    private void running(String... ids) {
        List<ProcessInstance> instances = java.util.Arrays.stream(ids).map(id -> {
            ProcessInstance instance = mock(ProcessInstance.class);
            when(instance.getId()).thenReturn(id);
            return instance;
        }).toList();
        when(runtime.createProcessInstanceQuery().processInstanceIds(any(Set.class)).list()).thenReturn(instances);
    }

    private static Task task(String id, String processInstanceId, String definitionId) {
        Task task = mock(Task.class);
        when(task.getId()).thenReturn(id);
        when(task.getName()).thenReturn("A task");
        when(task.getProcessInstanceId()).thenReturn(processInstanceId);
        when(task.getProcessDefinitionId()).thenReturn(definitionId);
        return task;
    }
}
