package io.aimsgate.internalaudit.internal;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;

/**
 * An auditor tried to audit what they are not independent of (a control they own, a system they hold a RACI role for).
 * An AuthorizationException, like a segregation-of-duties violation: the engine REST API answers 403 and Tasklist
 * shows the message.
 */
class AuditorIndependenceViolation extends AuthorizationException {

    AuditorIndependenceViolation(String userId, List<String> conflicts) {
        super("Auditor independence: " + userId + " cannot audit this scope. " + String.join(" ", conflicts)
                + " Another auditor must take this audit.");
    }
}
