package io.aimsgate.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A Bean Validation constraint for the rules of a command that relate its fields (a fairness metric names its
 * protected attribute; a risk with a title has a likelihood): the command implements {@link Checked} and names each
 * broken rule by the field to fix, so a refusal names that field like any single-field constraint.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldRules.Check.class)
public @interface CrossFieldRules {

    String message() default "breaks a rule between fields";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A command with rules between its fields. */
    interface Checked {

        /** Field name to message for each rule the command breaks; empty when it keeps them all. */
        Map<String, String> brokenRules();
    }

    final class Check implements ConstraintValidator<CrossFieldRules, Checked> {

        @Override
        public boolean isValid(Checked command, ConstraintValidatorContext context) {
            if (command == null) {
                return true;
            }
            Map<String, String> broken = command.brokenRules();
            if (broken.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            broken.forEach((field, message) -> context.buildConstraintViolationWithTemplate(
                    message.replace("{", "\\{").replace("$", "\\$")).addPropertyNode(field).addConstraintViolation());
            return false;
        }
    }
}
