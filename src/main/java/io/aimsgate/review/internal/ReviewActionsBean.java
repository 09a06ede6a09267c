package io.aimsgate.review.internal;

import io.aimsgate.review.ManagementReviewService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The review's actions, for the multi-instance action tasks ({@code ${managementReviewActions...}}): their ids, and
 * per action its owner (the task's assignee) and due date. Public: the engine's expression language calls it.
 */
@Component("managementReviewActions")
public class ReviewActionsBean {

    private final ManagementReviewService reviews;

    ReviewActionsBean(ManagementReviewService reviews) {
        this.reviews = reviews;
    }

    public List<Long> open(DelegateExecution execution) {
        return reviews.openActionIds(execution.getProcessInstanceId());
    }

    public String owner(Long actionId) {
        return reviews.requireAction(actionId).getOwner();
    }

    /** The due date as the engine reads a task's due date (ISO date-time, start of the day). */
    public String due(Long actionId) {
        return reviews.requireAction(actionId).getDueDate().atStartOfDay().toString();
    }
}
