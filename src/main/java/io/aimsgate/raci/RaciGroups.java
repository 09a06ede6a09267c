package io.aimsgate.raci;

import java.util.List;

/** The identity groups that carry RACI roles. Keycloak groups (or Camunda groups) use these ids. */
public final class RaciGroups {

    public static final String AI_PRODUCT_OWNERS = "ai-product-owners";
    public static final String ML_ENGINEERS = "ml-engineers";
    public static final String SECURITY = "security";
    public static final String LEGAL = "legal";
    public static final String PRIVACY = "privacy";
    public static final String ETHICS = "ethics";
    public static final String GOVERNANCE_BOARD = "governance-board";
    public static final String BUSINESS_STAKEHOLDERS = "business-stakeholders";
    public static final String AUDITORS = "auditors";

    /** Every group that takes part in the AI management system (the admin group is separate). */
    public static final List<String> ALL = List.of(AI_PRODUCT_OWNERS, ML_ENGINEERS, SECURITY, LEGAL, PRIVACY,
            ETHICS, GOVERNANCE_BOARD, BUSINESS_STAKEHOLDERS, AUDITORS);

    private RaciGroups() {
    }
}
