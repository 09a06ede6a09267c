package io.aimsgate.gate;

/** Ids and variable names of processes/deployment-approval.bpmn, in one place for code and tests. */
public final class DeploymentApprovalProcess {

    public static final String KEY = "deployment-approval";
    /** Starts a re-approval of a version whose approval a material change invalidated (variable {@code versionId}). */
    public static final String MESSAGE_REAPPROVAL_REQUIRED = "DeploymentReapprovalRequired";

    // variables
    public static final String SYSTEM_ID = "systemId";
    public static final String VERSION_LABEL = "versionLabel";
    public static final String SUBMISSION_NOTE = "submissionNote";
    /** Optional: the serving image ({@code registry/repository@sha256:<hex>}) the signed decision names too. */
    public static final String SERVING_IMAGE = "servingImage";
    public static final String SUBMITTER = "submitter";
    public static final String REQUEST_ID = "requestId";
    public static final String VERSION_ID = "versionId";
    /** Why the approval was invalidated (the material change), for the re-approval's forms. */
    public static final String REAPPROVAL_REASON = "reapprovalReason";
    /**
     * What differs between the state the invalidated approval was bound to and the state now, as Markdown lines,
     * shown in the re-approval's review forms; empty for a first submission.
     */
    public static final String STATE_DIFFERENCE = "stateDifference";
    public static final String SYSTEM_NAME = "systemName";
    public static final String HIGH_RISK_TIER = "highRiskTier";
    public static final String RISK_BLOCKED = "riskBlocked";
    public static final String BLOCKING_RISK_COUNT = "blockingRiskCount";
    public static final String BLOCKING_RISK_SUMMARY = "blockingRiskSummary";
    /** Whether an open incident holds the version (a hold, not a risk of the register). */
    public static final String INCIDENT_HELD = "incidentHeld";
    public static final String HOLD_SUMMARY = "holdSummary";
    /** Extension property of a halt step naming the variable whose lines are the halt's reasons. */
    public static final String HALT_REASONS_PROPERTY = "haltReasons";
    public static final String REMEDIATION_ACTION = "remediationAction";
    public static final String DECISION = GateDecisions.DECISION;
    public static final String RATIONALE = GateDecisions.RATIONALE;
    /** The decision of the task just completed, read by the gateway after it. */
    public static final String LAST_DECISION = GateDecisions.LAST_DECISION;
    public static final String REVIEW_REJECTED = GateDecisions.REVIEW_REJECTED;

    // elements
    public static final String START = "start_deployment_requested";
    public static final String START_REAPPROVAL = "start_reapproval_required";
    public static final String TASK_REGISTER_REAPPROVAL = "task_register_reapproval";
    public static final String TASK_REGISTER = "task_register_request";
    public static final String TASK_ASSESS = "task_assess_risk";
    public static final String TASK_HALT = "task_record_halt";
    public static final String TASK_REMEDIATE = "task_remediate_risks";
    public static final String TASK_RECORD_HOLD = "task_record_incident_hold";
    public static final String TASK_AWAIT_INCIDENT = "task_await_incident_resolution";
    public static final String TASK_TECHNICAL_REVIEW = "task_technical_review";
    public static final String TASK_SECURITY_REVIEW = "task_security_review";
    public static final String TASK_LEGAL_PRIVACY_REVIEW = "task_legal_privacy_review";
    public static final String TASK_ETHICS_REVIEW = "task_ethics_review";
    public static final String TASK_ACCOUNTABLE_APPROVAL = "task_accountable_approval";
    public static final String TASK_BOARD_SIGNOFF = "task_board_signoff";
    public static final String TASK_REASSESS = "task_reassess_risk";
    public static final String TASK_RECORD_APPROVAL = "task_record_approval";
    public static final String TASK_RECORD_REJECTION = "task_record_rejection";
    public static final String TASK_RECORD_WITHDRAWAL = "task_record_withdrawal";
    public static final String END_APPROVED = "end_approved";
    public static final String END_REJECTED = "end_rejected";
    public static final String END_WITHDRAWN = "end_withdrawn";

    private DeploymentApprovalProcess() {
    }
}
