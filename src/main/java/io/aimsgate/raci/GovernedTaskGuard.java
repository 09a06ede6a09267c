package io.aimsgate.raci;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * The engine's own guard on every governed user task, added to each one as a built-in listener when a BPMN is
 * deployed ({@link GovernedProcessesPlugin}); it runs before the model's own listeners and also when custom
 * listeners are skipped, so no door (engine REST, the webapps, the Java API) steps around it:
 * <ul>
 *   <li>assignment: a user claims a task for themselves and only if they hold one of the groups the model declares
 *       for it; a task the model assigns (e.g. remediation to the submitter) stays so; nobody else assigns it, except
 *       the platform (the administrator's repair), whose assignee must hold the declared role too;</li>
 *   <li>complete: the completing user holds a declared group (runtime candidate groups do not count, so an
 *       administrator who adds their own group still cannot decide); on a deciding task, four eyes within the run
 *       ({@link FourEyes}); the completing user is recorded as the task's assignee, the evidence four eyes reads;</li>
 *   <li>delete: a governed task ends only by being completed, or once its gate run has a recorded outcome (a BPMN
 *       error or escalation thrown at it, a cancelled or modified instance are refused).</li>
 * </ul>
 */
@Component
public class GovernedTaskGuard implements TaskListener {

    private final GovernedTasks tasks;
    private final List<GateRuns> gateRuns;

    GovernedTaskGuard(GovernedTasks tasks, List<GateRuns> gateRuns) {
        this.tasks = tasks;
        this.gateRuns = List.copyOf(gateRuns);
    }

    @Override
    public void notify(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        Optional<GovernedTasks.Role> role = element == null ? Optional.empty() : tasks.roleOf(element);
        if (role.isEmpty()) {
            return;
        }
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> assigned(task, role.get());
            case EVENTNAME_COMPLETE -> completing(task, role.get());
            case EVENTNAME_DELETE -> deleting(task);
            default -> {
            }
        }
    }

    private void assigned(DelegateTask task, GovernedTasks.Role role) {
        String assignee = task.getAssignee();
        if (assignee == null || assignedByModel(task, assignee)) {
            return;
        }
        Authentication authentication = currentAuthentication(task);
        Set<String> groups;
        if (authentication != null && authentication.getUserId() != null) {
            if (!assignee.equals(authentication.getUserId())) {
                throw new GovernanceRuleViolation("Governed tasks are claimed by the person who works them; "
                        + authentication.getUserId() + " cannot assign '" + task.getName() + "' to " + assignee
                        + " (the administrator reassigns through POST /api/admin/tasks/{taskId}/reassign).");
            }
            groups = groupsOf(authentication);
        } else {
            groups = tasks.groupsOf(assignee);
        }
        GovernedTasks.checkHoldsRole(assignee, groups, role, task.getName());
        tasks.checkFourEyes(assignee, role, task.getName(), task.getProcessInstanceId(),
                element(task).getModelInstance());
    }

    private void completing(DelegateTask task, GovernedTasks.Role role) {
        Authentication authentication = currentAuthentication(task);
        boolean authenticated = authentication != null && authentication.getUserId() != null;
        String actor = authenticated ? authentication.getUserId() : task.getAssignee();
        if (actor == null) {
            throw new BadUserRequestException("'" + task.getName() + "' must be completed by an authenticated user");
        }
        Set<String> groups = authenticated ? groupsOf(authentication) : tasks.groupsOf(actor);
        if (!assignedByModel(task, actor)) {
            GovernedTasks.checkHoldsRole(actor, groups, role, task.getName());
        }
        tasks.checkFourEyes(actor, role, task.getName(), task.getProcessInstanceId(), element(task).getModelInstance());
        if (!actor.equals(task.getAssignee())) {
            // Who decided is evidence: the history keeps the completing user as the task's assignee.
            task.setAssignee(actor);
        }
    }

    private void deleting(DelegateTask task) {
        String reason = task instanceof TaskEntity entity ? entity.getDeleteReason() : null;
        if (TaskEntity.DELETE_REASON_COMPLETED.equals(reason)) {
            return;
        }
        String processKey = processKey(task);
        for (GateRuns runs : gateRuns) {
            if (runs.runs(processKey)) {
                runs.openRun(task.getProcessInstanceId()).ifPresent(open -> {
                    throw new GovernanceRuleViolation("'" + task.getName() + "' cannot end without a decision: "
                            + open.subject() + " is still open. A gate run ends only through the recorded decision of "
                            + "an eligible person (no BPMN error, escalation, cancellation or deletion).");
                });
                return;
            }
        }
        throw new GovernanceRuleViolation("'" + task.getName() + "' cannot end without being completed by its RACI "
                + "role (no BPMN error, escalation, cancellation or deletion).");
    }

    /** The model's own assignment, e.g. camunda:assignee="${submitter}" on the remediation task. */
    private static boolean assignedByModel(DelegateTask task, String assignee) {
        if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
            return false;
        }
        Expression expression = entity.getTaskDefinition().getAssigneeExpression();
        DelegateExecution execution = task.getExecution();
        if (expression == null || execution == null) {
            return false;
        }
        Object value = expression.getValue(execution);
        return value != null && assignee.equals(value.toString());
    }

    private static UserTask element(DelegateTask task) {
        return task.getBpmnModelElementInstance();
    }

    private static String processKey(DelegateTask task) {
        return task.getProcessDefinitionId() == null ? "" : task.getProcessDefinitionId().split(":")[0];
    }

    private static Authentication currentAuthentication(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }

    private static Set<String> groupsOf(Authentication authentication) {
        return authentication.getGroupIds() == null ? Set.of() : new HashSet<>(authentication.getGroupIds());
    }
}
