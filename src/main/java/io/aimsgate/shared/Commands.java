package io.aimsgate.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a command object (a record with Bean Validation constraints) where the rules live: in the service that
 * carries the command out. Both doors of a step, our REST API and the engine's form path (Tasklist, engine REST),
 * reach the same service, so one rule set applies to both; a refusal is an {@link InvalidCommandException} naming
 * every offending property by its path ({@code metrics[0].value}, {@code modelCard.intendedUse}).
 */
public final class Commands {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private Commands() {
    }

    /** Returns the command when it satisfies its constraints; refuses it naming every violated property. */
    public static <T> T validate(T command) {
        if (command == null) {
            throw new InvalidCommandException("body", "is required");
        }
        Set<ConstraintViolation<T>> violations = VALIDATOR.validate(command);
        if (violations.isEmpty()) {
            return command;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream().sorted(Comparator.comparing((ConstraintViolation<T> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage))
                .forEach(v -> errors.putIfAbsent(name(v), v.getMessage()));
        throw new InvalidCommandException(errors);
    }

    private static String name(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        // A constraint on a list's elements is reported as "labels[0].<list element>".
        return path.replace(".<list element>", "").replace("<list element>", "");
    }
}
