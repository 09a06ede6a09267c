package io.aimsgate.gate;

import org.camunda.bpm.engine.AuthorizationException;

/**
 * The submitter of a request tried to claim or complete one of its approvals. An
 * AuthorizationException, so the engine REST API answers 403 and Tasklist shows the message.
 */
public class SegregationOfDutiesViolation extends AuthorizationException {

    public SegregationOfDutiesViolation(String userId, String taskName) {
        super("Segregation of duties: " + userId + " submitted this request and cannot approve it ('"
                + taskName + "'). Another member of the group must take this task.");
    }
}
