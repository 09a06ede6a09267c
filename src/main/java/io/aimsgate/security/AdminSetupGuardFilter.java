package io.aimsgate.security;

import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-77226: Camunda 7.24's Admin first-run setup endpoint lets an anonymous caller create an
 * administrator while the admin group has no direct member. Once the platform has any user (or the
 * identity service is read-only, as with Keycloak) the setup endpoint is refused outright; production
 * ({@code postgres}) closes it from the start, administrators come from the environment or Keycloak.
 * See docs/adr/0002-engine-advisories.md.
 */
class AdminSetupGuardFilter extends OncePerRequestFilter {

    static final String SETUP_PATH = "/camunda/api/admin/setup/";

    private final IdentityService identityService;
    private final boolean firstRunSetupAllowed;

    AdminSetupGuardFilter(IdentityService identityService, boolean firstRunSetupAllowed) {
        this.identityService = identityService;
        this.firstRunSetupAllowed = firstRunSetupAllowed;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith(SETUP_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (platformConfigured()) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "setup-closed", "Setup is closed",
                    "The platform is already configured; administrators are managed in the identity provider.",
                    Map.of());
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean platformConfigured() {
        return !firstRunSetupAllowed || identityService.isReadOnly() || identityService.createUserQuery().count() > 0;
    }
}
