package io.aimsgate.review.internal;

import static io.aimsgate.review.ManagementReviewProcess.*;

import io.aimsgate.gate.GateDecisions;
import io.aimsgate.raci.TaskActors;
import io.aimsgate.review.ManagementReview;
import io.aimsgate.review.ManagementReviewService;
import io.aimsgate.review.ReviewAction;
import io.aimsgate.shared.Actors;
import io.aimsgate.shared.ProcessVariable;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The delegates and listeners of {@code processes/management-review.bpmn}: thin, each safe to run twice. */
final class ReviewDelegates {

    private ReviewDelegates() {
    }

    /** Opens the review's gate run and compiles its inputs; the trigger is the start event the process came from. */
    @Component("compileReviewInputs")
    static class Compile implements JavaDelegate {

        private final ManagementReviewService reviews;

        Compile(ManagementReviewService reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String reason = ProcessVariable.text(REASON).orNull(execution);
            String actor = Actors.acting(execution);
            String trigger = Actors.isUser(actor) ? "ON_DEMAND" : "SCHEDULED";
            ManagementReview review = reviews.open(execution.getProcessInstanceId(), trigger, actor, reason);
            execution.setVariable(REVIEW_ID, review.getId());
            execution.setVariable(GATE_ID, review.getGateRunId());
            execution.setVariable(INPUTS_SUMMARY, reviews.summary(review));
        }
    }

    /** The board's conclusions and actions are recorded before its decision (the gate decision listener runs next). */
    @Component("reviewConclusionsListener")
    static class Conclusions implements TaskListener {

        private final ManagementReviewService reviews;

        Conclusions(ManagementReviewService reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            Object rationale = task.getVariable(GateDecisions.RATIONALE);
            String conclusions = rationale == null ? null : rationale.toString().strip();
            if (conclusions == null || conclusions.length() < GateDecisions.MIN_RATIONALE) {
                throw new BadUserRequestException("'rationale': the review's conclusions (at least "
                        + GateDecisions.MIN_RATIONALE + " characters) are required");
            }
            reviews.conclude(task.getProcessInstanceId(), conclusions,
                    ProcessVariable.text(ACTIONS).orNull(task), TaskActors.actingUser(task));
            task.removeVariable(ACTIONS);
        }
    }

    /** Records the review concluded (gate run passed) and tells the Informed groups. */
    @Component("recordReviewConclusions")
    static class Record implements JavaDelegate {

        private final ManagementReviewService reviews;

        Record(ManagementReviewService reviews) {
            this.reviews = reviews;
        }

        @Override
        public void execute(DelegateExecution execution) {
            reviews.record(execution.getProcessInstanceId());
        }
    }

    /**
     * An action task shows its action and due date, is completed only by its owner, and records the outcome; the
     * action is then DONE, and the next review reports it.
     */
    @Component("reviewActionListener")
    static class ActionTask implements TaskListener {

        private final ManagementReviewService reviews;

        ActionTask(ManagementReviewService reviews) {
            this.reviews = reviews;
        }

        @Override
        public void notify(DelegateTask task) {
            Long actionId = ProcessVariable.id(ACTION_ID).get(task);
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                ReviewAction action = reviews.requireAction(actionId);
                task.setVariableLocal(ACTION_TITLE, action.getTitle());
                task.setVariableLocal(ACTION_DUE, action.getDueDate().toString());
                return;
            }
            String actor = TaskActors.actingUser(task);
            if (!actor.equals(task.getAssignee())) {
                throw new io.aimsgate.raci.GovernanceRuleViolation(actor + " cannot report the action of "
                        + task.getAssignee() + ": its owner reports it.");
            }
            String outcome = ProcessVariable.text(OUTCOME).orNull(task);
            if (outcome == null || outcome.isBlank()) {
                throw new BadUserRequestException("'" + OUTCOME + "' is required");
            }
            reviews.completeAction(actionId, outcome.strip());
            task.removeVariable(OUTCOME);
        }
    }
}
