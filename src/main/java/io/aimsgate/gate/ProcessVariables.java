package io.aimsgate.gate;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of process variables; form fields arrive as Long, Double or String depending on the client. */
final class ProcessVariables {

    private ProcessVariables() {
    }

    static Long requiredLong(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("\\d{1,18}")) {
            return Long.valueOf(text.strip());
        }
        throw new BadUserRequestException("'" + name + "' must be a whole number, was " + value);
    }

    static String requiredString(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new BadUserRequestException("'" + name + "' is required");
        }
        return value.toString().strip();
    }

    static String optionalString(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
