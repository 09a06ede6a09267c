package io.aimsgate.raci;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * A governance rule refused an engine operation on a governed process: starting it without the starter role, working
 * a task without the task's RACI role, one person deciding twice in a run, or ending a gate without a decision. An
 * AuthorizationException, so the engine REST API, the webapps and {@code /api} answer 403 with the message.
 */
public class GovernanceRuleViolation extends AuthorizationException {

    public GovernanceRuleViolation(String message) {
        super(message);
    }
}
