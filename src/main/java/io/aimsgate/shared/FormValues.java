package io.aimsgate.shared;

import java.util.Arrays;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a gate's form (or REST client) submitted, refusing bad input with the field's name: the engine answers
 * 400 and Tasklist shows the message, and nothing is stored.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(VariableScope scope, String field, int min, int max) {
        Object value = scope.getVariable(field);
        String text = value == null ? "" : value.toString().strip();
        if (text.length() < min) {
            throw new BadUserRequestException("'" + field + "' is required (at least " + min + " characters)");
        }
        if (text.length() > max) {
            throw new BadUserRequestException("'" + field + "' is longer than " + max + " characters");
        }
        return text;
    }

    public static String optionalText(VariableScope scope, String field, int max) {
        Object value = scope.getVariable(field);
        String text = value == null ? "" : value.toString().strip();
        if (text.length() > max) {
            throw new BadUserRequestException("'" + field + "' is longer than " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    public static boolean flag(VariableScope scope, String field) {
        Object value = scope.getVariable(field);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(value.toString())) {
            return Boolean.parseBoolean(value.toString());
        }
        throw new BadUserRequestException("'" + field + "' must be true or false, was " + value);
    }

    public static <E extends Enum<E>> E choice(VariableScope scope, String field, Class<E> type) {
        Object value = scope.getVariable(field);
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value.toString())) {
                    return constant;
                }
            }
        }
        throw new BadUserRequestException("'" + field + "' must be one of " + Arrays.toString(type.getEnumConstants())
                + ", was " + value);
    }

    public static Integer optionalInt(VariableScope scope, String field, int min, int max) {
        Object value = scope.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        int number;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            // Range-check before narrowing: Number.intValue() wraps a Long (2^32 + 3 would pass as 3).
            if (n.doubleValue() < min || n.doubleValue() > max) {
                throw new BadUserRequestException("'" + field + "' must be between " + min + " and " + max + ", was "
                        + value);
            }
            number = n.intValue();
        } else {
            try {
                number = Integer.parseInt(value.toString().strip());
            } catch (NumberFormatException e) {
                throw new BadUserRequestException("'" + field + "' must be a whole number, was " + value);
            }
        }
        if (number < min || number > max) {
            throw new BadUserRequestException("'" + field + "' must be between " + min + " and " + max + ", was "
                    + number);
        }
        return number;
    }

    public static Double optionalDouble(VariableScope scope, String field, double min, double max) {
        Object value = scope.getVariable(field);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("'" + field + "' must be a number, was " + value);
        }
        if (Double.isNaN(number) || number < min || number > max) {
            throw new BadUserRequestException("'" + field + "' must be between " + min + " and " + max + ", was "
                    + value);
        }
        return number;
    }
}
