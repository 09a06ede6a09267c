package io.aimsgate.gate;

import io.aimsgate.gate.GateDecisions;

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
    public static final String DECISION = GateDecisions.DECISION;
    public static final String RATIONALE = GateDecisions.RATIONALE;
    public static final String LAST_DECISION = GateDecisions.LAST_DECISION;
    public static final String REVIEW_REJECTED = GateDecisions.REVIEW_REJECTED;
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String REEVALUATION_INTERVAL = "reevaluationInterval";
    /** Set by openLifecycleGate: a manual re-evaluation request woke the system's waiting watch, this one ends. */
    public static final String HANDED_OVER_TO_WATCH = "handedOverToWatch";

    // decisions
    public static final String APPROVE = GateDecisions.APPROVE;
    public static final String REJECT = GateDecisions.REJECT;
    public static final String SUBMIT = GateDecisions.SUBMIT;
    public static final String WITHDRAW = GateDecisions.WITHDRAW;
    public static final String CONTINUE = "CONTINUE";
    public static final String SUSPEND = "SUSPEND";
    public static final String RETIRE = "RETIRE";

    /** Task extension property listing the decisions a task offers (default APPROVE,REJECT). */
    public static final String DECISIONS_PROPERTY = io.aimsgate.raci.GovernedTasks.DECISIONS_PROPERTY;
    /** Service task extension property naming the RACI activity whose Informed groups hear the outcome. */
    public static final String RACI_ACTIVITY_PROPERTY = "raciActivity";

    // messages
    public static final String MESSAGE_REEVALUATION_REQUESTED = "ReEvaluationRequested";
    public static final String MESSAGE_THRESHOLD_BREACHED = "MonitoringThresholdBreached";
    public static final String MESSAGE_RETIREMENT_REQUESTED = "RetirementRequested";
    public static final String MESSAGE_OPERATION_STARTED = "OperationStarted";

    private LifecycleDecisions() {
    }
}
