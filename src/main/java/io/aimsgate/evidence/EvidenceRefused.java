package io.aimsgate.evidence;

import org.springframework.http.HttpStatus;

/** An upload refused for what it is (empty, too large, of another type than declared, executable): nothing stored. */
class EvidenceRefused extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    EvidenceRefused(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    HttpStatus status() {
        return status;
    }

    String field() {
        return field;
    }
}
