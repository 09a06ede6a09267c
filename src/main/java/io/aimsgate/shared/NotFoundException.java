package io.aimsgate.shared;

/** An id in the path or body names nothing: answered 404 with the field that named it. */
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
