package io.aimsgate.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right shape that {@link StrictJson} refuses (a control character in text, a date outside the
 * accepted years, an enum name that is not exact); {@link #reason()} is said to the client, with the field's path.
 */
public class JsonInputRefused extends MismatchedInputException {

    private final String reason;

    JsonInputRefused(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
