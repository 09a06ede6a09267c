package io.aimsgate.shared;

/** The caller is known but lacks the authority for this act (e.g. accepting a HIGH risk): 403. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
