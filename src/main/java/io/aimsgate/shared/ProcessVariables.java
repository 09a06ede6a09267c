package io.aimsgate.shared;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of process variables for every feature's delegates; form fields arrive as Long, Double or
 * String depending on the client (Tasklist, engine REST, our REST).
 */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static Long requiredLong(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number number && isWholePositive(number)) {
            return number.longValue();
        }
        if (value instanceof String text && text.strip().matches("[1-9]\\d{0,17}")) {
            return Long.valueOf(text.strip());
        }
        throw new BadUserRequestException("'" + name + "' must be a whole number, was " + value);
    }

    /** Whole and positive; a Double must be finite and exact (no silent saturation of 1e19 or Infinity). */
    private static boolean isWholePositive(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short) {
            return number.longValue() >= 1;
        }
        double d = number.doubleValue();
        return Double.isFinite(d) && d == Math.rint(d) && d >= 1 && d <= (1L << 53);
    }

    public static String requiredString(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new BadUserRequestException("'" + name + "' is required");
        }
        return value.toString().strip();
    }

    public static String optionalString(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
