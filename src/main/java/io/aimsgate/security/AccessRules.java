package io.aimsgate.security;

import io.aimsgate.raci.RaciGroups;
import io.aimsgate.shared.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
     * Who may ask whether a version may ship, and fetch its signed decision: a member of any RACI group or the admin
     * group, or a caller holding the pipeline scope {@code SCOPE_deployment-decision} (the Keycloak pipeline client).
     * The one form of this rule: the attestation names it in {@code @PreAuthorize("@access.mayCheckDeployments()")};
     * the pipeline check, polled many times a second, calls it first thing in its method instead of going through
     * a method-security proxy (docs/benchmarks.md, "Per-request path (session 6)") and names it with
     * {@code @CallerRule}, refusing with {@code AccessDeniedException} as {@code @PreAuthorize} would.
     */
    public boolean mayCheckDeployments() {
        return mayCheckDeployments(SecurityContextHolder.getContext().getAuthentication());
    }

    /** {@link #mayCheckDeployments()} for the given caller. */
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
