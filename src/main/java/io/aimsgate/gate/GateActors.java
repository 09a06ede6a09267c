package io.aimsgate.gate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who set a gate step going: the engine's authenticated user, else the platform itself (a timer, a message). */
public final class GateActors {

    /** The name recorded when no user acted: a timer fired or the platform correlated a message. */
    public static final String PLATFORM = "aims-gate";

    private GateActors() {
    }

    public static String actingUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        Object initiator = execution.getVariable(LifecycleDecisions.INITIATOR);
        return initiator instanceof String user && !user.isBlank() ? user : PLATFORM;
    }
}
