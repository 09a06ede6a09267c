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
    /** A gate of the management system itself, about no AI system: a new version of the Statement of Applicability. */
    STATEMENT_OF_APPLICABILITY("soa-approval", "Statement of Applicability"),
    /** The approval of a version of a policy of the management system (clause 5.2): about no AI system. */
    POLICY_APPROVAL("policy-approval", "policy approval"),
    /** A management review (clause 9.3): the board's conclusions, about no AI system. */
    MANAGEMENT_REVIEW("management-review", "management review"),
    /** The vetting of a third-party system's supplier (A.10.3): about one AI system, but no stage of its life cycle. */
    SUPPLIER_ASSESSMENT("supplier-assessment", "supplier assessment"),
    /** An internal audit of the management system (clause 9.2), about no one AI system: its report's acceptance. */
    INTERNAL_AUDIT("internal-audit", "internal audit");

    private final String processKey;
    private final String label;

    GateKind(String processKey, String label) {
        this.processKey = processKey;
        this.label = label;
    }

    public String processKey() {
        return processKey;
    }

    /** How people name the gate: "the design &amp; development gate". */
    public String label() {
        return label;
    }

    /** Whether the gate is a stage of an AI system's life cycle (the others belong to the management system). */
    public boolean isLifecycle() {
        return ordinal() <= RETIREMENT.ordinal();
    }

    public static Optional<GateKind> ofProcessKey(String processKey) {
        return Arrays.stream(values()).filter(kind -> kind.processKey.equals(processKey)).findFirst();
    }
}
