package io.aimsgate.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aimsgate.shared.CachedBodyRequest;
import io.aimsgate.shared.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CVE-2026-109432: expressions inside {@code orQueries} of a task query slip past the engine's ad-hoc
 * expression check. Every request body sent to an engine REST path (ours at /engine-rest and the
 * webapps' at /camunda/api/engine) is inspected; a body whose orQueries carry an expression anywhere
 * (task query, task count, filter create/update/execute) is refused with 400 before the engine sees it. The body
 * is read only once the caller is authenticated (an anonymous one gets 401 first).
 * {@code orQueries} in a query string (GET task, task count, historic task queries) is refused with 400 as well:
 * Camunda reads them only from a POST body, and failed on them with a 500.
 */
class OrQueryExpressionGuardFilter extends OncePerRequestFilter {

    static final String[] GUARDED_PREFIXES = {"/engine-rest/", "/camunda/api/engine/"};
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    /** Bodies larger than this are refused from guarded paths: no legitimate query is that large. */
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        boolean orQueriesInQueryString = "GET".equals(method) && request.getQueryString() != null
                && request.getParameterMap().containsKey("orQueries");
        if (!"POST".equals(method) && !"PUT".equals(method) && !orQueriesInQueryString) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : GUARDED_PREFIXES) {
            if (path.startsWith(prefix)) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!RequestAuthentication.isAuthenticated(request)) {
            // Refused before a byte of the body is read: a slow anonymous client cannot hold this thread.
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "unauthorised", "Unauthorised",
                    "Authentication is required.", Map.of());
            return;
        }
        if ("GET".equals(request.getMethod())) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "or-queries-in-query-string",
                    "orQueries only in a query body", "orQueries are accepted only in the JSON body of a POST query.",
                    Map.of("field", "orQueries"));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    "Request bodies to the engine API are limited to 1 MiB.", Map.of("field", "body"));
            return;
        }
        if (carriesOrQueryExpression(body)) {
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "expression-refused",
                    "Expressions are not allowed in orQueries",
                    "Task queries may not carry expressions inside orQueries.", Map.of("field", "orQueries"));
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    boolean carriesOrQueryExpression(byte[] body) {
        if (body.length == 0) {
            return false;
        }
        try {
            return containsOrQueryExpression(mapper.readTree(body), false);
        } catch (JsonProcessingException notJson) {
            // Not JSON (e.g. a multipart deployment): the engine parses no task query from it.
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean containsOrQueryExpression(JsonNode node, boolean insideOrQueries) {
        if (node == null) {
            return false;
        }
        if (node.isTextual()) {
            return insideOrQueries && EXPRESSION.matcher(node.asText()).find();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsOrQueryExpression(element, insideOrQueries)) {
                    return true;
                }
            }
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean inside = insideOrQueries || "orQueries".equals(field.getKey());
            if (containsOrQueryExpression(field.getValue(), inside)) {
                return true;
            }
        }
        return false;
    }
}
