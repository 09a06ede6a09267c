package io.aimsgate.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint that checks its caller in its own body instead of by {@code @PreAuthorize}: the rule as
 * the {@code @PreAuthorize} expression it stands for, for the API description ({@link ApiDocumentation}) and
 * docs/api.md. Only for endpoints polled so often that the expression and the method-security proxy are a
 * noticeable part of each answer (the pipeline check). The expression names the same access-rule method the body
 * calls, so the rule has one form ({@code PipelineCheckAccessTest}); the security matrix (docs/security.md) checks
 * it for every principal.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CallerRule {

    /** The rule as a {@code @PreAuthorize} expression. */
    String value();
}
