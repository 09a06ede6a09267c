package io.aimsgate.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A command refused by its rules, naming every offending field with its message. The same exception answers both
 * doors: 400 problem+json listing the fields on /api ({@code ApiExceptionHandler}), 400 naming the first field on the
 * engine REST API and in Tasklist ({@code EngineRestConfig}); it is a {@link BadUserRequestException} so that the
 * engine treats it as the user's mistake wherever it is thrown (a delegate, a task listener).
 */
public class InvalidCommandException extends BadUserRequestException {

    private final Map<String, String> errors;

    public InvalidCommandException(String field, String message) {
        this(Map.of(field, message));
    }

    public InvalidCommandException(Map<String, String> errors) {
        super(describe(errors));
        this.errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        this.firstField = errors.keySet().iterator().next();
    }

    private final String firstField;

    /** Field path (as the door names it) to message. */
    public Map<String, String> errors() {
        return errors;
    }

    public String field() {
        return firstField;
    }

    /** The same refusal in a door's own names, e.g. a form's field for the command's property it fills. */
    public InvalidCommandException renamed(Map<String, String> doorNames) {
        Map<String, String> renamed = new LinkedHashMap<>();
        errors.forEach((field, message) -> renamed.putIfAbsent(doorNames.getOrDefault(field, field), message));
        return new InvalidCommandException(renamed);
    }

    private static String describe(Map<String, String> errors) {
        StringBuilder text = new StringBuilder();
        errors.forEach((field, message) -> text.append(text.isEmpty() ? "" : "; ").append('\'').append(field)
                .append("' ").append(message));
        return text.toString();
    }
}
