package io.aimsgate.gate.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.aimsgate.gate.DeploymentGateService;
import io.aimsgate.gate.DeploymentRequest;
import io.aimsgate.gate.DeploymentRequestStatus;
import io.aimsgate.gate.LifecycleGate;
import io.aimsgate.gate.LifecycleGateKind;
import io.aimsgate.gate.LifecycleGateService;
import io.aimsgate.gate.LifecycleGateStatus;
import io.aimsgate.inventory.AiSystem;
import io.aimsgate.inventory.EuAiActTier;
import io.aimsgate.inventory.InventoryService;
import io.aimsgate.inventory.LifecycleStage;
import io.aimsgate.shared.EngineSystemCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
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

    /** The life-cycle gates in the order a system meets them; DEPLOYMENT is the deployment approval gate. */
    static final List<String> GATE_ORDER = List.of("INCEPTION", "DESIGN_AND_DEVELOPMENT",
            "VERIFICATION_AND_VALIDATION", "DEPLOYMENT", "RE_EVALUATION", "RETIREMENT");

    private final LifecycleGateService gates;
    private final DeploymentGateService deployments;
    private final InventoryService inventory;
    private final TaskService taskService;
    private final EngineSystemCalls engine;

    LifecycleController(LifecycleGateService gates, DeploymentGateService deployments, InventoryService inventory,
            TaskService taskService, EngineSystemCalls engine) {
        this.gates = gates;
        this.deployments = deployments;
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
        List<GateRunView> runs = new ArrayList<>();
        for (LifecycleGate gate : gates.historyOf(systemId)) {
            runs.add(new GateRunView(gate.getGate().name(), gate.getId(), null, gate.getProcessInstanceId(),
                    gate.getStatus().name(), gate.getTriggerKind(), gate.getTriggerDetail(), gate.getStartedBy(),
                    gate.getStartedAt(), gate.getDecidedBy(), gate.getDecidedAt(), gate.getOutcome(),
                    gate.getStatus() == LifecycleGateStatus.IN_PROGRESS ? gates.excludedDeciders(gate.getId())
                            : Set.of(), List.of()));
        }
        for (DeploymentRequest request : deployments.requestsOfSystem(systemId)) {
            boolean open = request.getStatus() == DeploymentRequestStatus.IN_REVIEW
                    || request.getStatus() == DeploymentRequestStatus.HALTED;
            runs.add(new GateRunView("DEPLOYMENT", null, request.getId(), request.getProcessInstanceId(),
                    open ? "IN_PROGRESS" : request.getStatus().name(), null, request.getSubmissionNote(),
                    request.getSubmittedBy(), request.getSubmittedAt(), request.getDecidedBy(),
                    request.getDecidedAt(), request.getDecisionRationale(),
                    open ? Set.of(request.getSubmittedBy()) : Set.of(), List.of()));
        }
        runs.sort(java.util.Comparator.comparing(GateRunView::startedAt));
        List<GateRunView> inProgress = runs.stream().filter(r -> "IN_PROGRESS".equals(r.status()))
                .map(this::withOpenTasks).toList();
        Set<LifecycleGateKind> passed = gates.passedGates(systemId);
        Map<String, String> stageStatus = new TreeMap<>(java.util.Comparator.comparingInt(GATE_ORDER::indexOf));
        for (String gate : GATE_ORDER) {
            stageStatus.put(gate, statusOf(gate, runs));
        }
        boolean deployed = runs.stream().anyMatch(r -> "DEPLOYMENT".equals(r.gate()) && "APPROVED".equals(r.status()));
        List<String> stagesPassed = GATE_ORDER.stream().filter(gate -> "DEPLOYMENT".equals(gate) ? deployed
                : passed.contains(LifecycleGateKind.valueOf(gate))).toList();
        return new LifecycleView(system.getId(), system.getName(), system.getLifecycleStage(),
                system.getEuAiActTier(), stagesPassed, stageStatus, gates.unmetFor(systemId), inProgress, runs);
    }

    /** Each gate's state: PASSED if any run passed (APPROVED for deployment), else the latest run's, else NOT_STARTED. */
    private static String statusOf(String gate, List<GateRunView> runs) {
        List<GateRunView> ofGate = runs.stream().filter(r -> r.gate().equals(gate)).toList();
        if (ofGate.stream().anyMatch(r -> r.status().equals("IN_PROGRESS"))) {
            return "IN_PROGRESS";
        }
        if (ofGate.stream().anyMatch(r -> r.status().equals("PASSED") || r.status().equals("APPROVED"))) {
            return "PASSED";
        }
        return ofGate.isEmpty() ? "NOT_STARTED" : ofGate.get(ofGate.size() - 1).status();
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
        return new GateRunView(run.gate(), run.gateId(), run.deploymentRequestId(), run.processInstanceId(),
                run.status(), run.trigger(), run.triggerDetail(), run.startedBy(), run.startedAt(), run.decidedBy(),
                run.decidedAt(), run.outcome(), run.excludedDeciders(), tasks);
    }

    record OpenTaskView(String taskId, String taskKey, String name, Instant createdAt, List<String> candidateGroups,
            String assignee, Set<String> mayNotDecide) {
    }

    record GateRunView(String gate, Long gateId, Long deploymentRequestId, String processInstanceId, String status,
            String trigger, String triggerDetail, String startedBy, Instant startedAt, String decidedBy,
            Instant decidedAt, String outcome, Set<String> excludedDeciders, List<OpenTaskView> openTasks) {
    }

    record LifecycleView(Long systemId, String systemName, LifecycleStage currentStage, EuAiActTier euAiActTier,
            List<String> stagesPassed, Map<String, String> gates, List<String> deploymentPrerequisitesUnmet,
            List<GateRunView> inProgress, List<GateRunView> history) {
    }
}
