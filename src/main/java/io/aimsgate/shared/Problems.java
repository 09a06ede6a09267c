package io.aimsgate.shared;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Problems a controller answers itself rather than by throwing, where a refusal is an ordinary answer asked for many
 * times a second (the pipeline check's 409): the same body, content type and refusal log line as the exception the
 * {@link ApiExceptionHandler} answers, without building an exception and its stack trace per answer.
 */
public final class Problems {

    private Problems() {
    }

    /** What {@link ConflictException}{@code (field, detail, reasons)} is answered with: 409, naming the field. */
    public static ProblemDetail conflict(String field, String detail, List<String> reasons) {
        ProblemDetail p = ApiExceptionHandler.problem(HttpStatus.CONFLICT, "conflict", "Refused by the current state",
                detail, field);
        p.setProperty("reasons", List.copyOf(reasons));
        return p;
    }
}
