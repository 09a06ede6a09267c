package io.aimsgate.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who set a gate step going: the engine's authenticated user, else the platform itself (a timer, a message). */
final class GateActors {

    /** The name recorded when no user acted: a timer fired or the platform correlated a message. */
    static final String PLATFORM = io.aimsgate.gate.GateDecisions.PLATFORM;

    private GateActors() {
    }

    static String actingUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object initiator = execution.getVariable(LifecycleDecisions.INITIATOR);
        return initiator instanceof String user && !user.isBlank() ? user : PLATFORM;
    }
}
