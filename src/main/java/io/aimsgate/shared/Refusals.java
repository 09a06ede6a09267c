package io.aimsgate.shared;

import io.aimsgate.shared.logging.LogText;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A refusal is the client's problem, not a fault of ours: a gate rule, an authorisation check or bad input said no
 * (answered 4xx). It is logged as one line with the reason; a stack trace is kept for real faults (5xx) only
 * (docs/operations.md, "Logs").
 */
public final class Refusals {

    private static final Logger log = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {
    }

    /** The refusal anywhere in the cause chain (the engine wraps what a listener or delegate throws), or null. */
    public static Throwable find(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ForbiddenException || cause instanceof InvalidInputException
                    || cause instanceof ConflictException || cause instanceof NotFoundException
                    || cause instanceof AuthorizationException || cause instanceof BadUserRequestException
                    || cause instanceof OptimisticLockingException) {
                return cause;
            }
        }
        return null;
    }

    /** One INFO line: which request (the current one) was refused, with which status, and why. */
    public static void log(int status, String reason) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        log(attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null, status, reason);
    }

    /** One INFO line: which request was refused, with which status, and why (user text encoded). */
    public static void log(HttpServletRequest request, int status, String reason) {
        if (log.isInfoEnabled()) {
            String which = request == null ? "" : request.getMethod() + " " + request.getRequestURI() + " ";
            log.info("Refused {}{}: {}", LogText.encode(which), status, LogText.encode(reason));
        }
    }
}
