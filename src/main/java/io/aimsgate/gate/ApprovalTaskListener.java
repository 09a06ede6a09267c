package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.RaciRole;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Guards every review and approval task of a gate:
 * <ul>
 *   <li>assignment: the submitter can never become the assignee (claim, delegate or set);</li>
 *   <li>complete: the completing user is the engine's authenticated user (never a form field), may not
 *       be the submitter, and must give a decision and a rationale; the decision is recorded.</li>
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
        String submitter = (String) task.getVariable(SUBMITTER);
        switch (task.getEventName()) {
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null && task.getAssignee().equals(submitter)) {
                    throw new SegregationOfDutiesViolation(task.getAssignee(), task.getName());
                }
            }
            case EVENTNAME_COMPLETE -> complete(task, submitter);
            default -> {
            }
        }
    }

    private void complete(DelegateTask task, String submitter) {
        String actor = actingUser(task);
        if (actor.equals(submitter) || submitter.equals(task.getAssignee())) {
            throw new SegregationOfDutiesViolation(actor, task.getName());
        }
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
        gate.recordDecision(ProcessVariables.requiredLong(task, REQUEST_ID), task.getId(),
                task.getTaskDefinitionKey(), raci.activity(), raci.role(), decision, rationale, actor);
        if (decision == ReviewDecision.REJECT) {
            task.setVariable(REVIEW_REJECTED, true);
            task.setVariable(REJECTED_BY, actor);
            task.setVariable(REJECTION_RATIONALE, rationale);
        } else if (raci.role() == RaciRole.ACCOUNTABLE) {
            task.setVariable(APPROVED_BY, actor);
            task.setVariable(APPROVAL_RATIONALE, rationale);
        }
    }

    /** The authenticated user completing the task; the assignee only where no one is authenticated (jobs, tests). */
    private static String actingUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
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
