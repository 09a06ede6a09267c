package io.aimsgate.risk;

/** Ids and variable names of processes/risk-acceptance.bpmn, in one place for code and tests. */
public final class RiskAcceptanceProcess {

    public static final String KEY = "risk-acceptance";
    /** Correlated when an acceptance ends before its expiry (the risk re-opened, treated, closed or re-rated). */
    public static final String MESSAGE_ACCEPTANCE_ENDED = "RiskAcceptanceEnded";

    // variables
    public static final String RISK_ID = "riskId";
    public static final String SYSTEM_ID = "systemId";
    public static final String RISK_TITLE = "riskTitle";
    /** When the acceptance the instance watches was recorded (ISO-8601, microseconds): which acceptance it is. */
    public static final String ACCEPTED_AT = "acceptedAt";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String REMIND_AT = "remindAt";

    // elements
    public static final String START = "start_acceptance_recorded";
    public static final String SUBPROCESS = "subprocess_acceptance_in_force";
    public static final String TIMER_REMINDER = "timer_reminder_due";
    public static final String TASK_REMIND = "task_remind_owner";
    public static final String TIMER_EXPIRY = "timer_acceptance_expires";
    public static final String TASK_LAPSE = "task_lapse_acceptance";
    public static final String BOUNDARY_ENDED = "boundary_acceptance_ended";
    public static final String END_LAPSED = "end_acceptance_lapsed";
    public static final String END_ENDED = "end_acceptance_ended";

    private RiskAcceptanceProcess() {
    }
}
