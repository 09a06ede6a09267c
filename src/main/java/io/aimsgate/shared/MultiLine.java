package io.aimsgate.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request body that may span lines: it may contain line feed, carriage return and tab. Every
 * other text field is single-line. No text field may contain any other control character (NUL included), a Unicode
 * line or paragraph separator in a single-line field, or a lone surrogate ({@link StrictJson}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
public @interface MultiLine {
}
