package io.aimsgate.shared;

import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Ids in paths and query parameters ({@code Long} in every controller) are taken only in their canonical decimal
 * form: {@code 9}, never {@code 009}, {@code +9}, {@code -9}, {@code 0x9}, {@code #9}, {@code "9 "} or a full-width
 * nine, which Spring's own conversion would all read as 9. One editor for every controller's binder (a converter
 * would not do: when it refuses, Spring falls back to its lenient default number editor). Anything else is a type
 * mismatch, answered 400 naming the path variable or parameter.
 */
@ControllerAdvice
class CanonicalIds {

    static final String MESSAGE = "Must be a decimal number without sign, leading zeros or spaces.";

    @InitBinder
    void canonicalIds(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, new CanonicalId(true));
        binder.registerCustomEditor(long.class, new CanonicalId(false));
    }

    static Long parse(String text) {
        int length = text.length();
        boolean canonical = length > 0 && length <= 19 && (length == 1 || text.charAt(0) != '0');
        for (int i = 0; canonical && i < length; i++) {
            char c = text.charAt(i);
            canonical = c >= '0' && c <= '9';
        }
        if (!canonical) {
            throw new NonCanonicalNumber();
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new NonCanonicalNumber();
        }
    }

    private static final class CanonicalId extends PropertyEditorSupport {

        private final boolean emptyIsNull;

        CanonicalId(boolean emptyIsNull) {
            this.emptyIsNull = emptyIsNull;
        }

        @Override
        public void setAsText(String text) {
            // As Spring's own editor: an empty optional parameter is no value (a path variable is never empty).
            setValue(text.isEmpty() && emptyIsNull ? null : parse(text));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    /** Carries {@link #MESSAGE} to the problem answer. */
    static final class NonCanonicalNumber extends IllegalArgumentException {

        NonCanonicalNumber() {
            super(MESSAGE);
        }
    }
}
