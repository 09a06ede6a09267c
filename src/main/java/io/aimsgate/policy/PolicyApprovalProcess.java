package io.aimsgate.policy;

/** Element ids, variables and messages of processes/policy-approval.bpmn, in one place. */
public final class PolicyApprovalProcess {

    public static final String KEY = "policy-approval";

    public static final String TASK_REVISE = "task_revise_policy";
    public static final String TASK_LEGAL_REVIEW = "task_legal_review";
    public static final String TASK_ETHICS_REVIEW = "task_ethics_review";
    public static final String TASK_BOARD_APPROVAL = "task_board_approval";
    public static final String TASK_ACKNOWLEDGE = "task_acknowledge_policy";
    public static final String TIMER_REMINDER = "timer_acknowledgement_reminder";
    public static final String TIMER_REVIEW_DUE = "timer_review_due";
    public static final String MESSAGE_SUPERSEDED = "PolicySuperseded";

    /** The RACI activities of the gate (aims.raci.activities). */
    public static final String ACTIVITY_APPROVAL = "policy-approval";
    public static final String ACTIVITY_ACKNOWLEDGEMENT = "policy-acknowledgement";

    // variables
    public static final String POLICY_VERSION_ID = "policyVersionId";
    public static final String DOCUMENT_KEY = "documentKey";
    public static final String BODY = "body";
    public static final String CHANGE_SUMMARY = "changeSummary";
    public static final String CURRENT_BODY = "currentBody";
    public static final String POLICY_TITLE = "policyTitle";
    public static final String VERSION_NUMBER = "versionNumber";
    public static final String REVISION_REQUIRED = "revisionRequired";
    public static final String ACKNOWLEDGERS = "acknowledgers";
    public static final String ACKNOWLEDGER = "acknowledger";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String REVIEW_DUE = "reviewDue";
    public static final String REMINDER_CYCLE = "acknowledgementReminderCycle";
    public static final String GATE_ID = "gateId";

    private PolicyApprovalProcess() {
    }
}
