package io.aimsgate.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What one form (a user task's, a start event's, or a message's declaration) accepts: exactly its editable keyed
 * fields, with their rules. Fields the form shows disabled are the process's output and are not accepted (form-js
 * never submits them).
 *
 * @param id the form's id (what {@code camunda:formRef} names)
 * @param fields the editable fields by key, in form order
 * @param unresolved why the element's form cannot be found, or null when it was
 */
public record FormContract(String id, Map<String, FormField> fields, String unresolved) {

    /** The contract of an element that has no form: it accepts no variables at all. */
    public static FormContract none(String id) {
        return new FormContract(id, Map.of());
    }

    /**
     * The contract of an element whose form cannot be found (not deployed with the process, or bound other than by
     * deployment): the element can be reached, but nothing can be submitted to it until its form is deployed.
     */
    public static FormContract unresolved(String formRef, String reason) {
        return new FormContract(formRef, Map.of(), reason);
    }

    public FormContract(String id, Map<String, FormField> fields) {
        this(id, fields, null);
    }

    public FormContract {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** False when the element names a form that is not available: then every submission is refused. */
    public boolean resolved() {
        return unresolved == null;
    }

    public Optional<FormField> field(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    public Set<String> keys() {
        return fields.keySet();
    }

    /**
     * The problems of the given values, in form order: each field's rule (a required field must be present), field
     * by field. The map holds what the submission gives; keys outside the contract are not looked at here.
     */
    public List<Violation> check(Map<String, ?> values) {
        List<Violation> violations = new ArrayList<>();
        for (FormField field : fields.values()) {
            field.problem(values.get(field.key())).ifPresent(p -> violations.add(new Violation(field.key(), p)));
        }
        return violations;
    }

    /** A refused field and why. */
    public record Violation(String field, String message) {
    }

    /** Reads a Camunda Form (JSON schema of form-js); nested groups are walked. */
    public static FormContract parse(JsonNode form) {
        String id = form.path("id").asText(null);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A form without an id");
        }
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect(form.path("components"), id, fields);
        return new FormContract(id, fields);
    }

    private static void collect(JsonNode components, String formId, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), formId, fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false)) {
                continue;
            }
            FormField.Kind kind = kind(component.path("type").asText(), formId, key);
            if (kind == null) {
                continue;
            }
            JsonNode validate = component.path("validate");
            List<Object> values = new ArrayList<>();
            for (JsonNode value : component.path("values")) {
                JsonNode v = value.path("value");
                values.add(v.isBoolean() ? (Object) v.booleanValue() : v.asText());
            }
            if ((kind == FormField.Kind.CHOICE || kind == FormField.Kind.CHOICES) && values.isEmpty()) {
                throw new IllegalArgumentException("Form " + formId + ": field '" + key
                        + "' takes its values from elsewhere; only declared values can be checked");
            }
            fields.put(key, new FormField(key, kind, validate.path("required").asBoolean(false), values,
                    integer(validate, "minLength"), integer(validate, "maxLength"), decimal(validate, "min"),
                    decimal(validate, "max"), integer(component, "decimalDigits"), decimal(component, "increment"),
                    pattern(validate, formId, key)));
        }
    }

    private static FormField.Kind kind(String type, String formId, String key) {
        return switch (type) {
            case "textfield", "textarea" -> FormField.Kind.TEXT;
            case "number" -> FormField.Kind.NUMBER;
            case "checkbox" -> FormField.Kind.BOOLEAN;
            case "select", "radio" -> FormField.Kind.CHOICE;
            case "checklist", "taglist" -> FormField.Kind.CHOICES;
            case "datetime" -> FormField.Kind.DATETIME;
            // Layout only: text, spacer, separator, image, button, group, dynamic list as a container.
            case "text", "html", "spacer", "separator", "image", "button", "group", "iframe", "table" -> null;
            default -> throw new IllegalArgumentException("Form " + formId + ": field '" + key
                    + "' has a type the contract does not know: " + type);
        };
    }

    private static Integer integer(JsonNode node, String name) {
        JsonNode value = node.path(name);
        if (value.isNumber()) {
            return Integer.valueOf(value.intValue());
        }
        return value.isTextual() && !value.asText().isBlank() ? Integer.valueOf(value.asText().strip()) : null;
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isNumber() ? value.decimalValue() : value.isTextual() && !value.asText().isBlank()
                ? new BigDecimal(value.asText().strip()) : null;
    }

    private static Pattern pattern(JsonNode validate, String formId, String key) {
        String pattern = validate.path("pattern").asText(null);
        if (pattern == null || pattern.isEmpty()) {
            return null;
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Form " + formId + ": the pattern of '" + key + "' is not valid", e);
        }
    }
}
