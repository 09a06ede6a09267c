package io.aimsgate.raci;

import static io.aimsgate.raci.RaciGroups.*;

import java.util.List;
import java.util.Map;

/** The RACI matrix of application.yml ({@code aims.raci}), built in code for tests without Spring. */
public final class RaciFixtures {

    private RaciFixtures() {
    }

    public static RaciProperties applicationMatrix() {
        Map<String, RaciProperties.Activity> activities = new java.util.HashMap<>(Map.of(
                "deployment-technical-review", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS,
                        null, List.of(BUSINESS_STAKEHOLDERS)),
                "deployment-security-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS,
                        List.of(SECURITY), null),
                "deployment-legal-privacy-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS,
                        List.of(LEGAL, PRIVACY), null),
                "deployment-ethics-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS,
                        List.of(ETHICS), null),
                "deployment-approval", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS,
                        List.of(SECURITY), List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD)),
                "deployment-high-risk-signoff", new RaciProperties.Activity(null, GOVERNANCE_BOARD,
                        null, List.of(BUSINESS_STAKEHOLDERS)),
                "deployment-remediation", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), AI_PRODUCT_OWNERS,
                        null, null)));
        activities.putAll(Map.of(
                "incident-containment", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        List.of(GOVERNANCE_BOARD)),
                "incident-escalation", new RaciProperties.Activity(null, GOVERNANCE_BOARD, null, null),
                "incident-regulator-notification", new RaciProperties.Activity(List.of(LEGAL), GOVERNANCE_BOARD, null,
                        null),
                "incident-resumption", new RaciProperties.Activity(null, GOVERNANCE_BOARD, null, null),
                "incident-closure", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null,
                        List.of(GOVERNANCE_BOARD, BUSINESS_STAKEHOLDERS))));
        activities.putAll(Map.of(
                "corrective-correction", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        null),
                "corrective-root-cause", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        null),
                "corrective-planning", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        null),
                "corrective-tracking", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        null),
                "corrective-effectiveness", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null, null),
                "corrective-closure", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null, null)));
        activities.putAll(Map.of(
                "inception-impact-assessment", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS),
                        AI_PRODUCT_OWNERS, List.of(ETHICS, LEGAL), null),
                "inception-ethics-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(ETHICS), null),
                "inception-legal-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(LEGAL), null),
                "inception-approval", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null,
                        List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD)),
                "inception-high-risk-signoff", new RaciProperties.Activity(null, GOVERNANCE_BOARD, null,
                        List.of(BUSINESS_STAKEHOLDERS)),
                "design-dataset-remediation", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS,
                        null, null),
                "design-privacy-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(PRIVACY), null),
                "design-approval", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS,
                        List.of(PRIVACY), List.of(BUSINESS_STAKEHOLDERS)),
                "validation-approval", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS, null,
                        List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD))));
        activities.putAll(Map.of(
                "reevaluation-assessment", new RaciProperties.Activity(List.of(ML_ENGINEERS), AI_PRODUCT_OWNERS,
                        null, null),
                "reevaluation-decision", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, null,
                        List.of(GOVERNANCE_BOARD, BUSINESS_STAKEHOLDERS)),
                "retirement-plan", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), AI_PRODUCT_OWNERS,
                        List.of(LEGAL), null),
                "retirement-legal-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(LEGAL), null),
                "retirement-approval", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(LEGAL),
                        List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD))));
        activities.putAll(Map.of(
                "evidence-renewal", new RaciProperties.Activity(List.of(ML_ENGINEERS, AI_PRODUCT_OWNERS),
                        AI_PRODUCT_OWNERS, null, null),
                "soa-security-review", new RaciProperties.Activity(null, GOVERNANCE_BOARD, List.of(SECURITY), null),
                "soa-legal-review", new RaciProperties.Activity(null, GOVERNANCE_BOARD, List.of(LEGAL), null),
                "soa-approval", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), GOVERNANCE_BOARD,
                        List.of(SECURITY, LEGAL), List.of(BUSINESS_STAKEHOLDERS, AUDITORS))));
        activities.putAll(Map.of(
                "supplier-due-diligence", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), AI_PRODUCT_OWNERS,
                        List.of(SECURITY, LEGAL), null),
                "supplier-security-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(SECURITY),
                        null),
                "supplier-legal-review", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(LEGAL), null),
                "supplier-approval", new RaciProperties.Activity(null, AI_PRODUCT_OWNERS, List.of(SECURITY, LEGAL),
                        List.of(BUSINESS_STAKEHOLDERS, GOVERNANCE_BOARD))));
        activities.putAll(Map.of(
                "internal-audit-plan", new RaciProperties.Activity(List.of(AUDITORS), GOVERNANCE_BOARD, null, null),
                "internal-audit-fieldwork", new RaciProperties.Activity(List.of(AUDITORS), GOVERNANCE_BOARD, null,
                        null),
                "internal-audit-report", new RaciProperties.Activity(List.of(AUDITORS), GOVERNANCE_BOARD, null, null),
                "internal-audit-acceptance", new RaciProperties.Activity(List.of(AUDITORS), GOVERNANCE_BOARD, null,
                        List.of(AI_PRODUCT_OWNERS))));
        // the management system itself: policies and management review
        activities.putAll(Map.of(
                "policy-revision", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), GOVERNANCE_BOARD, null, null),
                "policy-legal-review", new RaciProperties.Activity(null, GOVERNANCE_BOARD, List.of(LEGAL), null),
                "policy-ethics-review", new RaciProperties.Activity(null, GOVERNANCE_BOARD, List.of(ETHICS), null),
                "policy-approval", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), GOVERNANCE_BOARD,
                        List.of(LEGAL, ETHICS), List.of(BUSINESS_STAKEHOLDERS, ML_ENGINEERS, SECURITY, PRIVACY,
                                AUDITORS)),
                "policy-acknowledgement", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS, ML_ENGINEERS),
                        GOVERNANCE_BOARD, null, null),
                "management-review", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS), GOVERNANCE_BOARD, null,
                        List.of(AI_PRODUCT_OWNERS, ML_ENGINEERS, BUSINESS_STAKEHOLDERS, AUDITORS)),
                "management-review-action", new RaciProperties.Activity(List.of(AI_PRODUCT_OWNERS, ML_ENGINEERS,
                        GOVERNANCE_BOARD), GOVERNANCE_BOARD, null, null)));
        return new RaciProperties(activities);
    }

    public static RaciMatrix applicationRaciMatrix() {
        return new RaciMatrix(applicationMatrix());
    }
}
