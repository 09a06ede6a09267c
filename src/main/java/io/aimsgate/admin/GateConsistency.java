package io.aimsgate.admin;

import io.aimsgate.gate.DeploymentGateService;
import io.aimsgate.inventory.ModelVersion;
import io.aimsgate.raci.GateRuns;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks that our tables and the engine agree on every gate: no version in review without a running gate, no open
 * gate run whose process instance is gone, no gate process waiting at a task with no open run. Runs at start-up
 * (logging every finding) and on demand ({@code GET /api/admin/consistency}).
 */
@Service
public class GateConsistency {

    private static final Logger log = LoggerFactory.getLogger(GateConsistency.class);

    /** One inconsistency: what kind, what it concerns, and the process instance involved if any. */
    public record Finding(Kind kind, String subject, Long systemId, String processInstanceId, String detail) {
    }

    public enum Kind {
        /** A version IN_REVIEW or HALTED that no open deployment request holds. */
        VERSION_IN_REVIEW_WITHOUT_GATE,
        /** An open gate run (deployment request, life-cycle gate run) whose process instance no longer runs. */
        OPEN_RUN_WITHOUT_PROCESS,
        /** A gate's process instance waits at a task although its run is closed or was never opened. */
        PROCESS_WITHOUT_OPEN_RUN
    }

    public record Report(Instant checkedAt, boolean consistent, List<Finding> findings) {
    }

    private final List<GateRuns> gateRuns;
    private final DeploymentGateService deploymentRuns;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final PlatformEngineAccess engine;
    private final Clock clock;

    GateConsistency(List<GateRuns> gateRuns, DeploymentGateService deploymentRuns, RuntimeService runtimeService,
            TaskService taskService, PlatformEngineAccess engine, Clock clock) {
        this.gateRuns = List.copyOf(gateRuns);
        this.deploymentRuns = deploymentRuns;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.engine = engine;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Report check() {
        List<Finding> findings = new ArrayList<>();
        for (ModelVersion version : deploymentRuns.versionsInReviewWithoutGate()) {
            findings.add(new Finding(Kind.VERSION_IN_REVIEW_WITHOUT_GATE, "version " + version.getVersionLabel()
                    + " (id " + version.getId() + ")", version.getSystemId(), null, "The version is "
                    + version.getStatus() + " but no open deployment request holds it: it can neither be decided "
                    + "nor resubmitted."));
        }
        List<GateRuns.OpenRun> open = gateRuns.stream().flatMap(runs -> runs.openRuns().stream()).toList();
        Set<String> openInstances = open.stream().map(GateRuns.OpenRun::processInstanceId).collect(Collectors.toSet());
        Set<String> running = running(openInstances);
        for (GateRuns.OpenRun run : open) {
            if (!running.contains(run.processInstanceId())) {
                findings.add(new Finding(Kind.OPEN_RUN_WITHOUT_PROCESS, run.subject(), run.systemId(),
                        run.processInstanceId(), "The run has no recorded outcome but its process instance no "
                                + "longer runs: nobody can decide it."));
            }
        }
        for (Task task : openGateTasks()) {
            if (!openInstances.contains(task.getProcessInstanceId())) {
                findings.add(new Finding(Kind.PROCESS_WITHOUT_OPEN_RUN, "task '" + task.getName() + "' (" + task.getId()
                        + ")", null, task.getProcessInstanceId(), "The gate's process waits at this task but has no "
                                + "open run to record its decision in."));
            }
        }
        return new Report(clock.instant(), findings.isEmpty(), List.copyOf(findings));
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStartUp() {
        try {
            Report report = check();
            if (report.consistent()) {
                log.info("Gate consistency check: every open gate run has a running process and every version in "
                        + "review a gate");
            }
            report.findings().forEach(finding -> log.warn("Gate consistency check: {} {}: {} (process instance {})",
                    finding.kind(), finding.subject(), finding.detail(), finding.processInstanceId()));
        } catch (RuntimeException e) {
            log.error("Gate consistency check could not run at start-up", e);
        }
    }

    private Set<String> running(Set<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Set.of();
        }
        return engine.withoutUserAuthorization(() -> runtimeService.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(processInstanceIds)).list().stream().map(ProcessInstance::getId)
                .collect(Collectors.toSet()));
    }

    /** Open tasks of gate processes (deployment approval and the life-cycle gates). */
    private List<Task> openGateTasks() {
        List<Task> tasks = engine.withoutUserAuthorization(() -> taskService.createTaskQuery().active().list());
        return tasks.stream().filter(task -> gateRuns.stream()
                .anyMatch(runs -> runs.runs(task.getProcessDefinitionId() == null ? ""
                        : task.getProcessDefinitionId().split(":")[0]))).toList();
    }
}
