package io.aimsgate.security;

import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a path that is not in normal form ({@code //engine-rest/task}, {@code /camunda//api/admin/setup/...},
 * dot segments, encoded slashes or dots, backslashes, path parameters) with 400 problem+json, before any other
 * filter: Tomcat maps such a path to a servlet by its normalised form while path-based guards read the raw one, so
 * a guard could be stepped around. No client of AIMS Gate needs such a path.
 */
class PathNormalisationFilter extends OncePerRequestFilter {

    private static final List<String> NOT_NORMAL = List.of("//", "/./", "/../", "\\", ";", "%2f", "%5c", "%2e",
            "%00", "%25");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isNormal(request.getRequestURI())) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "path-not-normalised", "Path not normalised",
                    "The request path must be in normal form: no empty, '.' or '..' segments, encoded slashes or "
                            + "dots, backslashes or path parameters.",
                    Map.of("field", "path"));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isNormal(String uri) {
        if (uri == null || uri.isEmpty()) {
            return true;
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        for (String part : NOT_NORMAL) {
            if (lower.contains(part)) {
                return false;
            }
        }
        return !lower.endsWith("/.") && !lower.endsWith("/..");
    }
}
