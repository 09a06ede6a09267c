package io.aimsgate.security;

import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) reads an HTML form; Camunda's
 * resource fails with a 500 on any other body type. A login that is not a form is the client's mistake: 415
 * problem+json naming the header, before the webapp sees it.
 */
class WebappLoginFormFilter extends OncePerRequestFilter {

    static final String LOGIN_PREFIX = "/camunda/api/admin/auth/user/";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith(LOGIN_PREFIX) || !path.contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        boolean form = contentType != null && MediaType.APPLICATION_FORM_URLENCODED
                .includes(MediaType.parseMediaType(contentType.split(";", 2)[0].trim()));
        if (!form) {
            ProblemResponses.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Unsupported media type", "The login takes a form (application/x-www-form-urlencoded) with "
                            + "username and password.", Map.of("field", "Content-Type"));
            return;
        }
        chain.doFilter(request, response);
    }
}
