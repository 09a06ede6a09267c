package io.aimsgate.security;

import io.aimsgate.shared.CachedBodyRequest;
import io.aimsgate.shared.ProblemResponses;
import io.aimsgate.shared.Refusals;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Some bodies are read before anyone is known: the webapps' login form, by nature. A client that sends such a body
 * slowly holds a request thread while it is read (each stalled read for at most the connection timeout). At most
 * {@code permits} such reads run at once; beyond that an anonymous request with a body is answered 503 at once and
 * its connection closed ({@link UnreadBodyValve}), so slow anonymous clients can never take the threads that
 * authenticated requests need. The body (at most 64 KiB) is read here, in full, before the webapps see the request:
 * a client that stalls or goes away costs one log line, not a stack trace from the webapp. /api and /engine-rest need
 * no limit: Spring Security refuses an anonymous request there before its body is read.
 */
class AnonymousBodyLimiter extends OncePerRequestFilter {

    /** No login or first-run setup form comes near this; a larger anonymous body is refused. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Semaphore permits;

    AnonymousBodyLimiter(int permits) {
        this.permits = new Semaphore(permits);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !hasBody || path.startsWith("/api/") || path.startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (RequestAuthentication.isAuthenticated(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!permits.tryAcquire()) {
            response.setHeader("Retry-After", "5");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
                    "Too many unauthenticated requests with a body are being read; try again shortly.", Map.of());
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException stalledOrGone) {
            // The client stopped sending (the read timed out) or went away: one line, no stack trace, and the
            // connection is closed (UnreadBodyValve).
            Refusals.log(request, HttpStatus.REQUEST_TIMEOUT.value(), "the client did not send its announced body");
            if (!response.isCommitted()) {
                response.setStatus(HttpStatus.REQUEST_TIMEOUT.value());
            }
            return;
        } finally {
            permits.release();
        }
        if (body.length > MAX_BODY_BYTES) {
            ProblemResponses.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Body too large",
                    "Bodies sent without authentication are limited to 64 KiB.", Map.of("field", "body"));
            return;
        }
        // Read in full: what follows (the webapps' login) never waits on this client.
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }
}
