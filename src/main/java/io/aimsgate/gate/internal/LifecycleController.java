package io.aimsgate.gate.internal;

import io.aimsgate.gate.DeploymentPrerequisite;
import io.aimsgate.gate.GateDecisions;
import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.gate.GateKind;
import io.aimsgate.gate.GateRun;
import io.aimsgate.gate.GateRunStatus;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.PlatformEngineAccess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A system's walk through its life cycle: /api/systems/{id}/lifecycle. Which gates it has passed, which gate is in
 * progress, its open tasks and who may act on them (the RACI groups, the assignee, and who may not: the submitter
 * and whoever did the gate's work).
 */
@RestController
@RequestMapping("/api/systems/{systemId}/lifecycle")
class LifecycleController {

    private final GateDecisions runs;
    private final InventoryService inventory;
    private final TaskService taskService;
    private final PlatformEngineAccess engine;
    private final List<DeploymentPrerequisite> prerequisites;

    LifecycleController(GateDecisions runs, InventoryService inventory,
            TaskService taskService, PlatformEngineAccess engine, List<DeploymentPrerequisite> prerequisites) {
        this.prerequisites = List.copyOf(prerequisites);
        this.runs = runs;
        this.inventory = inventory;
        this.taskService = taskService;
        this.engine = engine;
    }

    @Operation(summary = "Read a system's life cycle",
            description = "The system's life-cycle stage and every gate run of every kind (inception, design, V&V, deployment, re-evaluation, retirement) with its decisions.")
    @GetMapping
    @PreAuthorize("@access.isParticipant()")
    @Transactional(readOnly = true)
    LifecycleView get(@PathVariable Long systemId) {
        AiSystem system = inventory.requireSystem(systemId);
        List<GateRunView> history = new ArrayList<>();
        for (GateRun run : runs.historyOf(systemId)) {
            history.add(new GateRunView(run.getKind().name(), run.getId(), run.getProcessInstanceId(),
                    run.getStatus().name(), run.getTriggerKind(), run.getTriggerDetail(), run.getStartedBy(),
                    run.getStartedAt(), run.getDecidedBy(), run.getDecidedAt(), run.getOutcome(),
                    run.isOpen() ? runs.excludedDeciders(run.getId()) : Set.of(), List.of()));
        }
        List<GateRunView> inProgress = history.stream()
                .filter(r -> GateRunStatus.IN_PROGRESS.name().equals(r.status())).map(this::withOpenTasks).toList();
        Set<GateKind> passed = runs.passedKinds(systemId);
        Map<String, String> stageStatus = new LinkedHashMap<>();
        for (GateKind kind : GateKind.values()) {
            if (!kind.isLifecycle()) {
                continue;
            }
            stageStatus.put(kind.name(), statusOf(kind, history));
        }
        List<String> stagesPassed = Arrays.stream(GateKind.values()).filter(passed::contains).map(GateKind::name)
                .toList();
        return new LifecycleView(system.getId(), system.getName(), system.getLifecycleStage(),
                system.getEuAiActTier(), stagesPassed, stageStatus,
                prerequisites.stream().flatMap(p -> p.unmetFor(systemId).stream()).toList(), inProgress, history);
    }

    /** Each gate's state: IN_PROGRESS if a run is, PASSED if any run passed, else the latest run's, else NOT_STARTED. */
    private static String statusOf(GateKind kind, List<GateRunView> runs) {
        List<GateRunView> ofKind = runs.stream().filter(r -> r.gate().equals(kind.name())).toList();
        if (ofKind.stream().anyMatch(r -> r.status().equals(GateRunStatus.IN_PROGRESS.name()))) {
            return GateRunStatus.IN_PROGRESS.name();
        }
        if (ofKind.stream().anyMatch(r -> r.status().equals(GateRunStatus.PASSED.name()))) {
            return GateRunStatus.PASSED.name();
        }
        return ofKind.isEmpty() ? "NOT_STARTED" : ofKind.get(ofKind.size() - 1).status();
    }

    /** Open tasks are read as the platform: the caller may see the system, not necessarily every task's instance. */
    private GateRunView withOpenTasks(GateRunView run) {
        List<OpenTaskView> tasks = engine.withoutUserAuthorization(() -> {
            List<OpenTaskView> found = new ArrayList<>();
            for (Task task : taskService.createTaskQuery().processInstanceId(run.processInstanceId())
                    .orderByTaskCreateTime().asc().list()) {
                List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList();
                found.add(new OpenTaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                        task.getCreateTime().toInstant(), groups, task.getAssignee(), run.excludedDeciders()));
            }
            return found;
        });
        return new GateRunView(run.gate(), run.gateId(), run.processInstanceId(),
                run.status(), run.trigger(), run.triggerDetail(), run.startedBy(), run.startedAt(), run.decidedBy(),
                run.decidedAt(), run.outcome(), run.excludedDeciders(), tasks);
    }

    record OpenTaskView(String taskId, String taskKey, String name, Instant createdAt, List<String> candidateGroups,
            String assignee, Set<String> mayNotDecide) {
    }

    record GateRunView(String gate, Long gateId, String processInstanceId, String status,
            String trigger, String triggerDetail, String startedBy, Instant startedAt, String decidedBy,
            Instant decidedAt, String outcome, Set<String> excludedDeciders, List<OpenTaskView> openTasks) {
    }

    record LifecycleView(Long systemId, String systemName, LifecycleStage currentStage, EuAiActTier euAiActTier,
            List<String> stagesPassed, Map<String, String> gates, List<String> deploymentPrerequisitesUnmet,
            List<GateRunView> inProgress, List<GateRunView> history) {
    }
}
