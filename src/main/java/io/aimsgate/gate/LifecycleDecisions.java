package io.aimsgate.gate;

/** Variable names and decision values the life-cycle BPMNs, forms and delegates share (docs/lifecycle-gates.md). */
public final class LifecycleDecisions {

    // variables
    public static final String SYSTEM_ID = "systemId";
    public static final String GATE_ID = "gateId";
    public static final String SYSTEM_NAME = "systemName";
    public static final String BUSINESS_OWNER = "businessOwner";
    public static final String INITIATOR = "initiator";
    public static final String TRIGGER = "trigger";
    public static final String TRIGGER_DETAIL = "triggerDetail";
    public static final String DECISION = "decision";
    public static final String RATIONALE = "rationale";
    public static final String LAST_DECISION = "lastDecision";
    public static final String REVIEW_REJECTED = "reviewRejected";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REEVALUATION_INTERVAL = "reevaluationInterval";
    /** Set by openLifecycleGate: a manual re-evaluation request woke the system's waiting watch, this one ends. */
    public static final String HANDED_OVER_TO_WATCH = "handedOverToWatch";

    // decisions
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String CONTINUE = "CONTINUE";
    public static final String SUSPEND = "SUSPEND";
    public static final String RETIRE = "RETIRE";

    /** Task extension property listing the decisions a task offers (default APPROVE,REJECT). */
    public static final String DECISIONS_PROPERTY = "decisions";
    /** Service task extension property naming the RACI activity whose Informed groups hear the outcome. */
    public static final String RACI_ACTIVITY_PROPERTY = "raciActivity";

    // messages
    public static final String MESSAGE_REEVALUATION_REQUESTED = "ReEvaluationRequested";
    public static final String MESSAGE_THRESHOLD_BREACHED = "MonitoringThresholdBreached";
    public static final String MESSAGE_RETIREMENT_REQUESTED = "RetirementRequested";
    public static final String MESSAGE_OPERATION_STARTED = "OperationStarted";

    public static final int MIN_RATIONALE = 10;
    public static final int MAX_RATIONALE = 4000;

    private LifecycleDecisions() {
    }
}
