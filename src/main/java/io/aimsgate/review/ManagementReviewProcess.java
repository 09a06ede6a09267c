package io.aimsgate.review;

/** Element ids and variables of processes/management-review.bpmn, in one place. */
public final class ManagementReviewProcess {

    public static final String KEY = "management-review";
    public static final String START_SCHEDULED = "start_review_scheduled";
    public static final String START_REQUESTED = "start_review_requested";
    public static final String TASK_CONCLUSIONS = "task_board_conclusions";
    public static final String TASK_ACTION = "task_review_action";
    public static final String ACTIVITY = "management-review";

    public static final String REVIEW_ID = "reviewId";
    public static final String GATE_ID = "gateId";
    public static final String REASON = "reason";
    public static final String INPUTS_SUMMARY = "inputsSummary";
    public static final String ACTIONS = "actions";
    public static final String ACTION_ID = "reviewActionId";
    public static final String ACTION_TITLE = "actionTitle";
    public static final String ACTION_DUE = "actionDueDate";
    public static final String OUTCOME = "outcome";

    private ManagementReviewProcess() {
    }
}
