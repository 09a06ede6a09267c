package io.aimsgate.gate;

import static io.aimsgate.gate.DeploymentApprovalProcess.*;

import io.aimsgate.raci.RaciDeclaration;
import io.aimsgate.raci.TaskActors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * The engine's {@link io.aimsgate.raci.GovernedTaskGuard} runs before this listener on every governed task: it
 * checks the role the model declares (not the task's run-time candidate groups) and four eyes within the run
 * ({@link io.aimsgate.raci.FourEyes}, the one place that rule lives), and keeps the task from ending without a
 * decision.
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
        TaskActors.checkSelfAssignment(task);
    }

    private void complete(DelegateTask task, DeploymentRequest request, String submitter) {
        String actor = TaskActors.actingUser(task);
        if (actor.equals(submitter) || submitter.equals(task.getAssignee())) {
            throw new SegregationOfDutiesViolation(actor, task.getName());
        }
        TaskActors.checkHoldsRole(task, actor);
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

    private static ReviewDecision decisionOf(DelegateTask task) {
        Object value = task.getVariable(DECISION);
        try {
            return ReviewDecision.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new BadUserRequestException("'decision' must be APPROVE or REJECT, was " + value);
        }
    }
}
