package io.aimsgate.forms;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One editable field of a Camunda Form, with the rules form-js applies in Tasklist (required, lengths, pattern,
 * number range, decimal digits and increment, declared values), so the server accepts exactly what the form may
 * send. The same rules check a submission over REST (after its JSON was checked for the right types) and a
 * completion through the Java API.
 *
 * @param key the variable the field writes
 * @param kind what the value is
 * @param required whether the form requires a value ({@code validate.required})
 * @param values the declared values of a select, radio, checklist or taglist (strings or booleans), else empty
 */
public record FormField(String key, Kind kind, boolean required, List<Object> values, Integer minLength,
        Integer maxLength, BigDecimal min, BigDecimal max, Integer decimalDigits, BigDecimal increment,
        Pattern pattern) {

    /** What a field's value is, by form-js component type. */
    public enum Kind {
        /** textfield, textarea: a string. */
        TEXT,
        /** number: a number; whole when the form allows no decimal digits. */
        NUMBER,
        /** checkbox: a boolean. */
        BOOLEAN,
        /** select, radio: one of the declared values. */
        CHOICE,
        /** checklist, taglist: a list of declared values. */
        CHOICES,
        /** datetime: an ISO date, time or date-time string. */
        DATETIME
    }

    public FormField {
        values = List.copyOf(values);
    }

    /** A whole number is expected (the form allows no decimal digits). */
    public boolean integral() {
        return kind == Kind.NUMBER && decimalDigits != null && decimalDigits == 0;
    }

    /** True when the value counts as not given: null, an empty or blank string, {@code false} for a checkbox, []. */
    public boolean isMissing(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (kind == Kind.BOOLEAN && Boolean.FALSE.equals(value))
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    /**
     * Why the value does not fit the field, or empty when it does. Values are Java values as the engine holds them:
     * String, Boolean, a Number, a List for checklists.
     */
    public Optional<String> problem(Object value) {
        if (isMissing(value)) {
            return required ? Optional.of("'" + key + "' is required") : Optional.empty();
        }
        return switch (kind) {
            case TEXT -> value instanceof String s ? text(s) : wrongType(value, "a string");
            case DATETIME -> value instanceof String s ? dateTime(s) : wrongType(value, "a date string");
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : wrongType(value, "true or false");
            case NUMBER -> value instanceof Number n ? number(n) : wrongType(value, "a number");
            case CHOICE -> declared(value);
            case CHOICES -> {
                if (!(value instanceof List<?> list)) {
                    yield wrongType(value, "a list of " + values);
                }
                for (Object element : list) {
                    if (!containsExactly(element)) {
                        yield Optional.of("'" + key + "' may only hold " + values + ", not " + describe(element));
                    }
                }
                yield Optional.empty();
            }
        };
    }

    private Optional<String> text(String text) {
        // form-js measures lengths on the trimmed value.
        int length = text.strip().length();
        if (minLength != null && length < minLength) {
            return Optional.of("'" + key + "' must have at least " + minLength + " characters");
        }
        if (maxLength != null && length > maxLength) {
            return Optional.of("'" + key + "' must have at most " + maxLength + " characters");
        }
        if (pattern != null && !pattern.matcher(text).find()) {
            return Optional.of("'" + key + "' does not have the form's format");
        }
        return Optional.empty();
    }

    private Optional<String> dateTime(String text) {
        String value = text.strip();
        try {
            if (value.contains("T")) {
                java.time.OffsetDateTime.parse(value);
            } else if (value.contains(":")) {
                java.time.LocalTime.parse(value);
            } else {
                java.time.LocalDate.parse(value);
            }
            return Optional.empty();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.of("'" + key + "' must be an ISO date, time or date-time");
        }
    }

    private Optional<String> number(Number number) {
        BigDecimal decimal;
        if (number instanceof BigDecimal d) {
            decimal = d;
        } else if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Optional.of("'" + key + "' must be a finite number");
            }
            decimal = BigDecimal.valueOf(d);
        } else {
            decimal = new BigDecimal(number.toString());
        }
        decimal = decimal.stripTrailingZeros();
        if (decimalDigits != null && Math.max(decimal.scale(), 0) > decimalDigits) {
            return Optional.of(decimalDigits == 0 ? "'" + key + "' must be a whole number"
                    : "'" + key + "' may have at most " + decimalDigits + " decimal digits");
        }
        if (min != null && decimal.compareTo(min) < 0) {
            return Optional.of("'" + key + "' must be at least " + min.toPlainString());
        }
        if (max != null && decimal.compareTo(max) > 0) {
            return Optional.of("'" + key + "' must be at most " + max.toPlainString());
        }
        if (increment != null && increment.signum() > 0 && decimal.remainder(increment).signum() != 0) {
            return Optional.of("'" + key + "' must be a multiple of " + increment.toPlainString());
        }
        // A whole number beyond the range of Long is no value the engine stores faithfully.
        if (integral() && (decimal.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || decimal.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0)) {
            return Optional.of("'" + key + "' is out of range");
        }
        return Optional.empty();
    }

    private Optional<String> declared(Object value) {
        return containsExactly(value) ? Optional.empty()
                : Optional.of("'" + key + "' must be one of " + values + ", was " + describe(value));
    }

    /** Declared values compare with their type: the string "true" is not the boolean true. */
    private boolean containsExactly(Object value) {
        for (Object declared : values) {
            if (declared.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> wrongType(Object value, String expected) {
        return Optional.of("'" + key + "' must be " + expected + ", was " + describe(value));
    }

    static String describe(Object value) {
        if (value instanceof String s) {
            String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return "the string \"" + LogSafe.text(shown) + "\"";
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Collection<?>) {
            return "a list";
        }
        return value == null ? "null" : "an object";
    }
}
