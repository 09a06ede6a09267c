package io.aimsgate.gate;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of gate, in the order a system meets them, each with the process that runs it. What else differs per gate
 * (its RACI activities, which tasks decide and with which decisions, which end it) is declared in that BPMN: the
 * {@code raciActivity}, {@code raciRole} and {@code decisions} extension properties of its tasks, and the
 * {@code raciActivity} of the steps that end it.
 */
public enum GateKind {
    INCEPTION("inception", "inception"),
    DESIGN_AND_DEVELOPMENT("design-development", "design & development"),
    VERIFICATION_AND_VALIDATION("verification-validation", "verification & validation"),
    DEPLOYMENT(DeploymentApprovalProcess.KEY, "deployment"),
    RE_EVALUATION("re-evaluation", "re-evaluation"),
    RETIREMENT("retirement", "retirement"),
    /** The approval of a version of a policy of the management system (clause 5.2): about no AI system. */
    POLICY_APPROVAL("policy-approval", "policy approval", false),
    /** A management review (clause 9.3): the board's conclusions, about no AI system. */
    MANAGEMENT_REVIEW("management-review", "management review", false);

    private final String processKey;
    private final String label;
    private final boolean lifecycle;

    GateKind(String processKey, String label) {
        this(processKey, label, true);
    }

    GateKind(String processKey, String label, boolean lifecycle) {
        this.processKey = processKey;
        this.label = label;
        this.lifecycle = lifecycle;
    }

    /** Whether an AI system meets this gate in its life cycle (the management system's own approvals do not). */
    public boolean isLifecycle() {
        return lifecycle;
    }

    public String processKey() {
        return processKey;
    }

    /** How people name the gate: "the design &amp; development gate". */
    public String label() {
        return label;
    }

    public static Optional<GateKind> ofProcessKey(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
    }
}
