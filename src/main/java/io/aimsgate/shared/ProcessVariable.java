package io.aimsgate.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable with its name and its type, declared once in the constants type of a process
 * ({@code InceptionVariables.GATE_ID}) and used by every delegate, listener and controller that reads or writes it.
 * A value of the wrong type is refused naming the variable ({@link InvalidCommandException}: 400 on /api and on the
 * engine REST API); the rules about a value (lengths, ranges, required together) belong to the command object the
 * value goes into, not here.
 * <p>
 * Form fields arrive as Long, Double, Boolean or String depending on the client (Tasklist, engine REST, our REST), so
 * each type decodes all forms a client can send. Lists travel as lists: written as one JSON string variable (the
 * engine has no Spin here) through {@link #textList}, never as a joined string.
 */
public final class ProcessVariable<T> {

    /** Decodes what the engine holds; null for an absent or blank value. */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(String name, Object raw);
    }

    private static final ObjectMapper JSON = com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final String name;
    private final Decoder<T> decoder;
    private final java.util.function.Function<T, Object> encoder;

    private ProcessVariable(String name, Decoder<T> decoder, java.util.function.Function<T, Object> encoder) {
        this.name = Objects.requireNonNull(name);
        this.decoder = decoder;
        this.encoder = encoder;
    }

    /** Text, stripped; blank is absent. */
    public static ProcessVariable<String> text(String name) {
        return new ProcessVariable<>(name, (n, raw) -> raw == null || raw.toString().isBlank() ? null
                : raw.toString().strip(), value -> value);
    }

    /** A database id: a whole number of at least 1 (a Double must be exact: no silent saturation of 1e19). */
    public static ProcessVariable<Long> id(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeId, value -> value);
    }

    /** A whole number; a text must be digits, a Double must be exact. */
    public static ProcessVariable<Long> wholeNumber(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeWhole, value -> value);
    }

    public static ProcessVariable<Double> number(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeNumber, value -> value);
    }

    /** A checkbox: true, false, or absent (a form that left it untouched may not send it). */
    public static ProcessVariable<Boolean> flag(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeFlag, value -> value);
    }

    /** One constant of an enum, by its exact name; written as the name. */
    public static <E extends Enum<E>> ProcessVariable<E> choice(String name, Class<E> type) {
        return new ProcessVariable<>(name, (n, raw) -> decodeChoice(n, raw, type), Enum::name);
    }

    /** An ISO-8601 instant; written as its text (the engine's Date has no zone and loses the instant's precision). */
    public static ProcessVariable<Instant> instant(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeInstant, Instant::toString);
    }

    /** A list of texts: written as a JSON array, read from a JSON array or a Java list. */
    public static ProcessVariable<List<String>> textList(String name) {
        return new ProcessVariable<>(name, ProcessVariable::decodeList, ProcessVariable::encodeList);
    }

    /**
     * A whole command or record as one JSON string variable, e.g. what a REST door already validated and hands to
     * the process; lists and instants inside keep their types.
     */
    public static <R> ProcessVariable<R> json(String name, Class<R> type) {
        return new ProcessVariable<>(name, (n, raw) -> {
            if (raw == null) {
                return null;
            }
            if (type.isInstance(raw)) {
                return type.cast(raw);
            }
            try {
                return JSON.readValue(raw.toString(), type);
            } catch (JsonProcessingException e) {
                throw new InvalidCommandException(n, "is not a valid " + type.getSimpleName());
            }
        }, value -> {
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(type.getSimpleName() + " is not writable as JSON", e);
            }
        });
    }

    public String name() {
        return name;
    }

    /** The value, or null when the variable is absent or blank. */
    public T orNull(VariableScope scope) {
        return decoder.decode(name, scope.getVariable(name));
    }

    public T orElse(VariableScope scope, T fallback) {
        T value = orNull(scope);
        return value == null ? fallback : value;
    }

    /** The value; absent is refused naming the variable. */
    public T get(VariableScope scope) {
        T value = orNull(scope);
        if (value == null) {
            throw new InvalidCommandException(name, "is required");
        }
        return value;
    }

    /** Decodes a value that did not come from a variable scope, e.g. a map of form values. */
    public T decode(Object raw) {
        return decoder.decode(name, raw);
    }

    public boolean isPresent(VariableScope scope) {
        return orNull(scope) != null;
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, encode(value));
    }

    public void remove(VariableScope scope) {
        scope.removeVariable(name);
    }

    /** Puts the value into a map of variables, e.g. the start variables of a process. */
    public <M extends Map<String, Object>> M putInto(M variables, T value) {
        variables.put(name, encode(value));
        return variables;
    }

    public Object encode(T value) {
        return value == null ? null : encoder.apply(value);
    }

    private static Long decodeId(String name, Object raw) {
        Long value = decodeWhole(name, raw);
        if (value != null && value < 1) {
            throw new InvalidCommandException(name, "must be a whole number of at least 1, was " + raw);
        }
        return value;
    }

    private static Long decodeWhole(String name, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof Number number) {
            double d = number.doubleValue();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) <= (1L << 53)) {
                return (long) d;
            }
        } else if (raw instanceof String text && text.strip().matches("-?\\d{1,18}")) {
            return Long.valueOf(text.strip());
        }
        throw new InvalidCommandException(name, "must be a whole number, was " + raw);
    }

    private static Double decodeNumber(String name, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        double number;
        try {
            number = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidCommandException(name, "must be a number, was " + raw);
        }
        if (!Double.isFinite(number)) {
            throw new InvalidCommandException(name, "must be a finite number, was " + raw);
        }
        return number;
    }

    private static Boolean decodeFlag(String name, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Boolean bool) {
            return bool;
        }
        if ("true".equalsIgnoreCase(raw.toString().strip()) || "false".equalsIgnoreCase(raw.toString().strip())) {
            return Boolean.parseBoolean(raw.toString().strip());
        }
        throw new InvalidCommandException(name, "must be true or false, was " + raw);
    }

    private static <E extends Enum<E>> E decodeChoice(String name, Object raw, Class<E> type) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(raw.toString().strip())) {
                return constant;
            }
        }
        throw new InvalidCommandException(name, "must be one of " + Arrays.toString(type.getEnumConstants())
                + ", was " + raw);
    }

    private static Instant decodeInstant(String name, Object raw) {
        if (raw == null || raw.toString().isBlank()) {
            return null;
        }
        if (raw instanceof java.util.Date date) {
            return date.toInstant();
        }
        try {
            return Instant.parse(raw.toString().strip());
        } catch (DateTimeParseException e) {
            throw new InvalidCommandException(name, "must be an ISO-8601 instant such as 2026-11-23T08:00:00Z");
        }
    }

    private static List<String> decodeList(String name, Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        try {
            return List.copyOf(JSON.readValue(raw.toString(), STRINGS));
        } catch (JsonProcessingException | NullPointerException e) {
            throw new InvalidCommandException(name, "must be a list of texts");
        }
    }

    private static Object encodeList(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A list of texts is always JSON", e);
        }
    }
}
