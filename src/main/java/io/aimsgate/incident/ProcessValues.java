package io.aimsgate.incident;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed reads of process variables for the incident processes, and who is acting. */
final class ProcessValues {

    static final String SYSTEM_ACTOR = "system";

    private ProcessValues() {
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** The authenticated user (the one completing the task before this step), else the platform itself (a job). */
    static String actor(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM_ACTOR
                : authentication.getUserId();
    }
}
