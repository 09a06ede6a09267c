package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.raci.RaciDeclaration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Guards every review and approval task of a gate:
 * <ul>
 *   <li>assignment: the submitter can never become the assignee (claim, delegate or set), and nobody
 *       assigns an approval to someone else;</li>
 *   <li>complete: the completing user is the engine's authenticated user (never a form field), holds one
 *       of the task's RACI groups, is not the submitter, and gives a decision and a rationale; the
 *       decision is recorded.</li>
 * </ul>
 */
@Component("approvalTaskListener")
public class ApprovalTaskListener implements TaskListener {

    static final int MIN_RATIONALE = 10;

    private final DeploymentGateService gate;

    public ApprovalTaskListener(DeploymentGateService gate) {
        this.gate = gate;
    }

    @Override
    public void notify(DelegateTask task) {
        DeploymentRequest request = gate.requireByProcessInstance(task.getProcessInstanceId());
        String submitter = request.getSubmittedBy();
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> assign(task, submitter);
            case EVENTNAME_COMPLETE -> complete(task, request, submitter);
            default -> {
            }
        }
    }

    /**
     * The submitter never holds an approval, and an approver claims for themselves: assigning an approval
     * to someone else would let a user outside the RACI role decide it.
     */
    private static void assign(DelegateTask task, String submitter) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        if (assignee.equals(submitter)) {
            throw new SegregationOfDutiesViolation(assignee, task.getName());
        }
        Authentication authentication = currentAuthentication(task);
        if (authentication != null && !assignee.equals(authentication.getUserId())) {
            throw new AuthorizationException("Approval tasks are claimed by the approver themselves; "
                    + authentication.getUserId() + " cannot assign '" + task.getName() + "' to " + assignee);
        }
    }

    private void complete(DelegateTask task, DeploymentRequest request, String submitter) {
        String actor = actingUser(task);
        if (actor.equals(submitter) || submitter.equals(task.getAssignee())) {
            throw new SegregationOfDutiesViolation(actor, task.getName());
        }
        checkHoldsRole(task, actor);
        ReviewDecision decision = decisionOf(task);
        Object rationaleValue = task.getVariable(RATIONALE);
        String rationale = rationaleValue == null ? "" : rationaleValue.toString().strip();
        if (rationale.length() < MIN_RATIONALE) {
            throw new BadUserRequestException("A rationale of at least " + MIN_RATIONALE
                    + " characters is required for every approval or rejection");
        }
        // Consume the submitted fields so a later task can never inherit this decision; gateways read LAST_DECISION.
        task.removeVariable(DECISION);
        task.removeVariable(RATIONALE);
        task.setVariable(LAST_DECISION, decision.name());
        RaciDeclaration raci = RaciDeclaration.of(task);
        gate.recordDecision(request.getId(), task.getId(), task.getTaskDefinitionKey(), raci.activity(), raci.role(),
                decision, rationale, actor);
        ControlVariables.restore(task, request, gate);
    }

    /** An authenticated user completing an approval must belong to one of the task's candidate (RACI) groups. */
    private static void checkHoldsRole(DelegateTask task, String actor) {
        Authentication authentication = currentAuthentication(task);
        if (authentication == null) {
            return;
        }
        List<String> userGroups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        Set<String> candidateGroups = task.getCandidates().stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (candidateGroups.isEmpty()) {
            // Every approval task gets candidate groups on creation; none left means another user (possibly on
            // another node) completed it a moment ago and its links are gone: a lost race, answered 409.
            throw new OptimisticLockingException("Task '" + task.getName() + "' was completed concurrently");
        }
        if (userGroups.stream().noneMatch(candidateGroups::contains)) {
            throw new AuthorizationException(actor + " holds none of the RACI roles " + candidateGroups
                    + " that decide '" + task.getName() + "'");
        }
    }

    private static Authentication currentAuthentication(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }

    /** The authenticated user completing the task; the assignee only where no one is authenticated (jobs, tests). */
    private static String actingUser(DelegateTask task) {
        Authentication authentication = currentAuthentication(task);
        String actor = authentication != null ? authentication.getUserId() : task.getAssignee();
        if (actor == null) {
            throw new BadUserRequestException("An approval must be completed by an authenticated user");
        }
        return actor;
    }

    private static ReviewDecision decisionOf(DelegateTask task) {
        Object value = task.getVariable(DECISION);
        try {
            return ReviewDecision.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'decision' must be APPROVE or REJECT, was " + value);
        }
    }
}
