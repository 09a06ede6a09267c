package io.aimsgate.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Whether a request's caller is known, for filters that run after Spring Security and before the webapps. */
final class RequestAuthentication {

    private RequestAuthentication() {
    }

    /**
     * Authenticated by Spring Security (the APIs' Basic or bearer credentials, the Keycloak login session) or by the
     * Camunda webapps' own login (their session).
     */
    static boolean isAuthenticated(HttpServletRequest request) {
        Authentication spring = SecurityContextHolder.getContext().getAuthentication();
        if (spring != null && spring.isAuthenticated() && !(spring instanceof AnonymousAuthenticationToken)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null && !AuthenticationUtil.getAuthsFromSession(session).getAuthentications().isEmpty();
    }
}
