package io.aimsgate.raci;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The engine's own guard on starting and ending a governed process (one with RACI-declared user tasks), added to
 * every process as a built-in listener when a BPMN is deployed ({@link GovernedProcessesPlugin}):
 * <ul>
 *   <li>start, whoever starts it and from wherever (our {@code /api}, {@code /engine-rest} start or submit-form,
 *       the Tasklist start form, a message): an authenticated user must hold one of the process's
 *       {@code camunda:candidateStarterGroups}; a governed process that declares none is started only by another
 *       process (a call activity) or by the platform itself. The request rules (which version, which gate may be
 *       entered) are the process's first step, the same code for every start;</li>
 *   <li>end: a gate's process instance ends only once its run has a recorded outcome (approved, rejected, passed,
 *       withdrawn...): a deleted or cancelled instance, or one a BPMN error ended, is refused.</li>
 * </ul>
 */
@Component
public class GovernedProcessGuard implements ExecutionListener {

    private final List<GateRuns> gateRuns;
    private final Map<String, Boolean> governed = new ConcurrentHashMap<>();

    GovernedProcessGuard(List<GateRuns> gateRuns) {
        this.gateRuns = List.copyOf(gateRuns);
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (!(execution instanceof ExecutionEntity entity) || !entity.isProcessInstanceExecution()) {
            return;
        }
        ProcessDefinitionEntity definition = entity.getProcessDefinition();
        if (!isGoverned(execution, definition)) {
            return;
        }
        switch (execution.getEventName()) {
            case EVENTNAME_START -> starting(entity, definition);
            case EVENTNAME_END -> ending(entity, definition);
            default -> {
            }
        }
    }

    private void starting(ExecutionEntity execution, ProcessDefinitionEntity definition) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        boolean calledByProcess = execution.getSuperExecution() != null;
        if (authentication == null || authentication.getUserId() == null || calledByProcess) {
            // The platform itself (a watch or gate it starts, as in OperationWatch) or a call activity of a process
            // whose own start was checked.
            return;
        }
        Set<String> starters = starterGroups(definition);
        String name = definition.getName() == null ? definition.getKey() : definition.getName();
        if (starters.isEmpty()) {
            throw new GovernanceRuleViolation("'" + name + "' is started only by the process that needs it, never "
                    + "directly.");
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        if (groups.stream().noneMatch(starters::contains)) {
            throw new GovernanceRuleViolation(authentication.getUserId() + " may not start '" + name + "': only "
                    + "members of " + starters + " may (camunda:candidateStarterGroups of the process).");
        }
    }

    private void ending(ExecutionEntity execution, ProcessDefinitionEntity definition) {
        for (GateRuns runs : gateRuns) {
            if (runs.runs(definition.getKey())) {
                runs.openRun(execution.getProcessInstanceId()).ifPresent(open -> {
                    throw new GovernanceRuleViolation("The gate cannot end without a decision: " + open.subject()
                            + " is still open. A gate run ends only through the recorded decision of an eligible "
                            + "person, or the administrator's recorded repair.");
                });
            }
        }
    }

    /** The groups a process definition names in {@code camunda:candidateStarterGroups}. */
    public static Set<String> starterGroups(ProcessDefinitionEntity definition) {
        Set<String> groups = new TreeSet<>();
        for (Expression expression : definition.getCandidateStarterGroupIdExpressions()) {
            for (String group : expression.getExpressionText().split(",")) {
                if (!group.isBlank()) {
                    groups.add(group.strip());
                }
            }
        }
        return groups;
    }

    /** A process is governed when one of its user tasks declares a RACI role, or it declares starter groups. */
    private boolean isGoverned(DelegateExecution execution, ProcessDefinitionEntity definition) {
        return governed.computeIfAbsent(definition.getId(), id -> !starterGroups(definition).isEmpty()
                || execution.getBpmnModelInstance().getModelElementsByType(UserTask.class).stream()
                        .anyMatch(task -> RaciDeclaration.find(task).isPresent()));
    }
}
