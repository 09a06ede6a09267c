package io.aimsgate.demo;

import io.aimsgate.objectives.NewObjective;
import io.aimsgate.objectives.ObjectiveDirection;
import io.aimsgate.objectives.ObjectiveMetric;
import io.aimsgate.objectives.ObjectiveService;
import io.aimsgate.policy.PolicyApprovalProcess;
import io.aimsgate.policy.PolicyCommands.NewPolicyDocument;
import io.aimsgate.policy.PolicyCommands.PolicyDraft;
import io.aimsgate.policy.PolicyDocument;
import io.aimsgate.policy.PolicyService;
import io.aimsgate.policy.PolicyVersion;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The management system a newcomer expects to find (issue 18): an AI policy published through its approval gate
 * (legal, ethics, the board) and acknowledged by some of the people asked, a data governance policy waiting for the
 * board's approval, and three AI objectives measured from the demo inventory. Walked through the real processes as
 * the demo users, so every rule and record is the real one. Runs once, while no policy exists, beside the walks
 * of the inventory ({@link DemoData}).
 */
@Component
@Profile("demo")
class DemoManagementSystem {

    static final String AI_POLICY_TEXT = """
            # AI policy

            ## Purpose
            We develop, buy and use AI systems only where they serve people well, and we govern them through the AI
            management system described here (ISO/IEC 42001).

            ## Commitments
            1. Every AI system is registered in the inventory with an accountable owner before work starts.
            2. No AI system is deployed without passing its life-cycle gates; high-risk systems need an impact
               assessment and the governance board's sign-off.
            3. Risks are assessed and treated before deployment and monitored in operation.
            4. Incidents are contained, reported where the law requires it, and corrected at their root cause.
            5. We meet the legal requirements that apply to us, including the EU AI Act.
            6. We improve the management system continually, informed by audits, reviews and our objectives.

            ## Roles
            The governance board approves this policy and reviews the management system every quarter.
            """;

    private final PolicyService policies;
    private final ObjectiveService objectives;
    private final DemoWalk walk;

    DemoManagementSystem(PolicyService policies, ObjectiveService objectives, DemoWalk walk) {
        this.policies = policies;
        this.objectives = objectives;
        this.walk = walk;
    }

    void seed() {
        if (!policies.documents().isEmpty()) {
            return;
        }
        PolicyDocument aiPolicy = policies.createDocument(new NewPolicyDocument("ai-policy", "AI policy",
                "The organisation's commitments for responsible AI and the framework for its AI objectives "
                        + "(ISO/IEC 42001 clause 5.2, A.2.2).", "P1Y"), "olivia");
        String pid = draft(aiPolicy, AI_POLICY_TEXT, "First version of the AI policy.");
        walk.approve("lena", pid, PolicyApprovalProcess.TASK_LEGAL_REVIEW);
        walk.approve("ethan", pid, PolicyApprovalProcess.TASK_ETHICS_REVIEW);
        walk.approve("grace", pid, PolicyApprovalProcess.TASK_BOARD_APPROVAL);
        acknowledge("olivia", pid);
        acknowledge("mia", pid);

        PolicyDocument dataPolicy = policies.createDocument(new NewPolicyDocument("data-governance-policy",
                "Data governance policy for AI", "How data for AI systems is acquired, documented, protected and "
                        + "retired (A.7.2-A.7.6).", null), "olivia");
        String pending = draft(dataPolicy, """
                # Data governance policy for AI

                Every dataset used to train, validate or test an AI system is registered with its source, legal
                basis, personal data categories and treatment before it is used, and its provenance is kept.
                """, "First version of the data governance policy.");
        walk.approve("lena", pending, PolicyApprovalProcess.TASK_LEGAL_REVIEW);
        walk.approve("ethan", pending, PolicyApprovalProcess.TASK_ETHICS_REVIEW);

        LocalDate quarterEnd = LocalDate.now(ZoneOffset.UTC).plusMonths(3);
        objectives.create(new NewObjective("HIGH-RISK-IA", "Every high-risk system in operation has an approved "
                + "impact assessment", ObjectiveMetric.HIGH_RISK_DEPLOYMENTS_WITH_APPROVED_IMPACT_ASSESSMENT,
                ObjectiveDirection.AT_LEAST, 1.0, "olivia", quarterEnd), "grace");
        objectives.create(new NewObjective("CONTAINMENT-DAYS", "Incidents are contained within a day (median)",
                ObjectiveMetric.MEDIAN_DAYS_TO_CONTAINMENT, ObjectiveDirection.AT_MOST, 1.0, "mia", quarterEnd),
                "grace");
        objectives.create(new NewObjective("FAIRNESS-VV", "Nine in ten validated model versions meet their fairness "
                + "thresholds", ObjectiveMetric.MODELS_MEETING_FAIRNESS_AT_VALIDATION, ObjectiveDirection.AT_LEAST,
                0.9, "mia", quarterEnd), "grace");
    }

    private String draft(PolicyDocument document, String text, String summary) {
        return walk.as("olivia", () -> {
            PolicyVersion version = policies.draft(document, new PolicyDraft(text, summary), "olivia");
            return policies.startApproval(version, false);
        });
    }

    private void acknowledge(String user, String pid) {
        walk.as(user, () -> {
            walk.completeAssigned(user, pid, PolicyApprovalProcess.TASK_ACKNOWLEDGE,
                    Map.of(PolicyApprovalProcess.ACKNOWLEDGED, true));
            return null;
        });
    }
}
