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
        return currentUser.groups().stream().anyMatch(AccessRules::isParticipantGroup);
    }

    /** A RACI group or the admin group: the groups whose members take part in the management system. */
    private static boolean isParticipantGroup(String group) {
        return group != null && (RaciGroups.ALL.contains(group) || group.equals(ADMIN_GROUP));
    }

    /** The same rule for filter chains, where no bean is at hand. */
    static boolean holdsParticipantGroup(Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(AccessRules::isParticipantGroup);
    }

    /** The Keycloak scope of the pipeline client (docs/api.md), as Spring Security names it. */
    public static final String DEPLOYMENT_DECISION_SCOPE = "SCOPE_deployment-decision";

    /**
     * {@code @access.isParticipant() or hasAuthority('SCOPE_deployment-decision')}, the rule of the pipeline check,
     * as plain Java: the check is polled many times a second, and evaluating the expression (and the method-security
     * proxy around the controller it needs) cost about a tenth of an answer (docs/benchmarks.md, "Per-request path
     * (session 6)"). The controller calls it first thing and refuses with {@code AccessDeniedException}, as
     * {@code @PreAuthorize} would.
     */
    public static boolean mayCheckDeployments(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            String authority = granted.getAuthority();
            if (isParticipantGroup(authority) || DEPLOYMENT_DECISION_SCOPE.equals(authority)) {
                return true;
            }
        }
        return false;
    }

    /** Responsible and Consulted roles (and the board) record and treat risks; Informed roles only read. */
    public boolean canMaintainRisks() {
        return currentUser.groups().stream().anyMatch(RISK_MAINTAINERS::contains);
    }
}
