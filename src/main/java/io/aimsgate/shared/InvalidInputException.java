package io.aimsgate.shared;

/** Input that passes the JSON shape but breaks a business rule: answered 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
