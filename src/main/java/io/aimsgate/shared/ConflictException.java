package io.aimsgate.shared;

import java.util.List;

/** The request is well formed but the current state refuses it: answered 409 with every reason. */
public class ConflictException extends RuntimeException {

    private final String field;
    private final List<String> reasons;

    public ConflictException(String field, String message, List<String> reasons) {
        super(message);
        this.field = field;
        this.reasons = List.copyOf(reasons);
    }

    public ConflictException(String field, String message) {
        this(field, message, List.of(message));
    }

    public String field() {
        return field;
    }

    public List<String> reasons() {
        return reasons;
    }
}
