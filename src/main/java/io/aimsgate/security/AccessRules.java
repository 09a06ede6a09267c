package io.aimsgate.security;

import io.aimsgate.raci.RaciGroups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Access rules used in {@code @PreAuthorize("@access...")}: a user outside every RACI group can
 * authenticate but sees nothing.
 */
@Component("access")
public class AccessRules {

    private static final java.util.Set<String> RISK_MAINTAINERS = java.util.Set.of(RaciGroups.AI_PRODUCT_OWNERS,
            RaciGroups.ML_ENGINEERS, RaciGroups.SECURITY, RaciGroups.LEGAL, RaciGroups.PRIVACY, RaciGroups.ETHICS,
            RaciGroups.GOVERNANCE_BOARD);

    private final CurrentUser currentUser;
    private final String adminGroup;

    AccessRules(CurrentUser currentUser, @Value("${aims.security.admin-group:camunda-admin}") String adminGroup) {
        this.currentUser = currentUser;
        this.adminGroup = adminGroup;
    }

    /** Member of any RACI group (or the admin group): may read the registers. */
    public boolean isParticipant() {
        return currentUser.groups().stream().anyMatch(g -> RaciGroups.ALL.contains(g) || g.equals(adminGroup));
    }

    /** Responsible and Consulted roles (and the board) record and treat risks; Informed roles only read. */
    public boolean canMaintainRisks() {
        return currentUser.groups().stream().anyMatch(RISK_MAINTAINERS::contains);
    }
}
