package io.aimsgate.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security authenticated (HTTP Basic, bearer token or OIDC login) to the engine,
 * with the groups it carries as authorities, so engine authorisation, task ownership and segregation of
 * duties all see the same identity. Used by Camunda's own authentication filters (REST and webapps).
 */
public class SpringSecurityEngineAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    /** Authorities that are not groups: OAuth2 scopes and Spring's marker authorities. */
    static boolean isGroup(String authority) {
        return !authority.startsWith("SCOPE_") && !authority.startsWith("OIDC_") && !authority.startsWith("OAUTH2_")
                && !authority.startsWith("FACTOR_") && !authority.startsWith("ROLE_");
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return AuthenticationResult.unsuccessful();
        }
        List<String> groups = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(SpringSecurityEngineAuthenticationProvider::isGroup).toList();
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(groups);
        // AIMS Gate deploys nothing per tenant; without this the filter would query tenant memberships per request.
        result.setTenants(List.of());
        return result;
    }
}
