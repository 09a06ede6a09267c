package io.aimsgate.security;

import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a user logged in to the Camunda webapps (their session, in both profiles) reach the evidence endpoints from the
 * browser: the download links in the gates' Tasklist forms and the evidence page ({@code /evidence.html}) they link
 * to. Only {@code /api/evidence} and {@code /api/evidence/{fileId}/revisions/{revision}/content}; every other /api
 * path still wants Basic or a bearer token. A request that carries an {@code Authorization} header, or was already
 * authenticated, is left alone. The user's groups are read from the identity service on every request (not from the
 * session; user and groups in one engine command, {@link IdentityLookups}), so a removed membership takes effect at
 * once; the endpoint's own rule then decides as for any caller. A
 * state-changing request (the upload) must carry the webapps' CSRF token ({@code X-XSRF-TOKEN} equal to the
 * session's), or it is refused with 403 before anything is read: another site cannot make a logged-in browser upload.
 * A session's GET answers carry that token in the {@code X-XSRF-TOKEN} response header, for the evidence page.
 */
final class WebappSessionEvidenceAccess extends OncePerRequestFilter {

    private static final Pattern EVIDENCE = Pattern.compile("/api/evidence(/[0-9]+/revisions/[0-9]+/content)?");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD");

    private final IdentityLookups identity;

    WebappSessionEvidenceAccess(IdentityService identityService) {
        this.identity = new IdentityLookups(identityService);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !EVIDENCE.matcher(path).matches() || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        String userId = (current == null || current instanceof AnonymousAuthenticationToken) && session != null
                ? webappUser(session) : null;
        if (userId == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !csrfTokenMatches(request, session)) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, "csrf", "Forbidden", "A request from a webapp "
                    + "session must carry the session's CSRF token (X-XSRF-TOKEN).", Map.of("field", "X-XSRF-TOKEN"));
            return;
        }
        List<String> known = identity.groupsIfKnown(userId);
        if (known == null) {
            chain.doFilter(request, response);
            return;
        }
        List<SimpleGrantedAuthority> groups = known.stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(userId, null, groups));
        if (SAFE_METHODS.contains(request.getMethod())
                && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token) {
            // The webapps' XSRF cookie is scoped to /camunda, out of the evidence page's reach: hand the session's
            // token to same-origin script in a response header, as the webapps do (other origins cannot read it).
            response.setHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME, token);
        }
        chain.doFilter(request, response);
    }

    private static String webappUser(HttpSession session) {
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthentications().stream().filter(UserAuthentication.class::isInstance)
                .map(org.camunda.bpm.webapp.impl.security.auth.Authentication::getIdentityId).findFirst().orElse(null);
    }

    private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
        String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return sent != null && expected instanceof String token && MessageDigest.isEqual(
                sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
