package io.aimsgate.security;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Access rules used in {@code @PreAuthorize("@access...")}: a user outside every RACI group can
 * authenticate but sees nothing.
 */
@Component("access")
public class AccessRules {

    /** Camunda's administrators group (also the Keycloak plugin's administratorGroupName). */
    public static final String ADMIN_GROUP = "camunda-admin";

    private static final java.util.Set<String> RISK_MAINTAINERS = java.util.Set.of(RaciGroups.AI_PRODUCT_OWNERS,
            RaciGroups.ML_ENGINEERS, RaciGroups.SECURITY, RaciGroups.LEGAL, RaciGroups.PRIVACY, RaciGroups.ETHICS,
            RaciGroups.GOVERNANCE_BOARD);

    private final CurrentUser currentUser;

    AccessRules(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Member of any RACI group (or the admin group): may read the registers. */
    public boolean isParticipant() {
        return currentUser.groups().stream().anyMatch(g -> RaciGroups.ALL.contains(g) || g.equals(ADMIN_GROUP));
    }

    /** The same rule for filter chains, where no bean is at hand. */
    static boolean holdsParticipantGroup(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(g -> RaciGroups.ALL.contains(g) || g.equals(ADMIN_GROUP));
    }

    /** Responsible and Consulted roles (and the board) record and treat risks; Informed roles only read. */
    public boolean canMaintainRisks() {
        return currentUser.groups().stream().anyMatch(RISK_MAINTAINERS::contains);
    }
}
