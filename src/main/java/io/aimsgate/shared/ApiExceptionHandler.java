package io.aimsgate.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our REST API is RFC 9457 problem+json naming the offending field: clients (and
 * pipelines) can act on it, and no stack trace or internal message ever leaks.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final URI TYPE_BASE = URI.create("https://aimsgate.io/problems/");

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), e.field());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return Problems.conflict(e.field(), e.getMessage(), e.reasons());
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalidField(e.field(), e.getMessage());
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), e.field());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    ProblemDetail accessDenied(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "You are not authorised to do this.", null);
    }

    @ExceptionHandler(InvalidCommandException.class)
    ProblemDetail invalidCommand(InvalidCommandException e) {
        return fieldErrors(e.errors());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ProblemDetail engineRefused(BadUserRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", e.getMessage(), null);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getConstraintViolations().forEach(v -> errors.put(lastNode(v.getPropertyPath().toString()), v.getMessage()));
        return fieldErrors(errors);
    }

    @ExceptionHandler(PropertyReferenceException.class)
    ProblemDetail unknownSortProperty(PropertyReferenceException e) {
        return invalidField("sort", "Cannot sort by '" + e.getPropertyName() + "'.");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed concurrently",
                "Someone else changed this record at the same time; reload and try again.", null);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error answering an API request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "The request could not be completed; nothing was changed.", null);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.putIfAbsent(error.getField(), error.getDefaultMessage());
        }
        e.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        return ResponseEntity.badRequest().body(fieldErrors(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors body) {
                // A @Valid body of a method that is validated as a whole: name the body's fields, not the parameter.
                body.getFieldErrors().forEach(error -> errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
                body.getGlobalErrors().forEach(error -> errors.putIfAbsent(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage()));
            } else {
                result.getResolvableErrors().forEach(error ->
                        errors.putIfAbsent(result.getMethodParameter().getParameterName(), error.getDefaultMessage()));
            }
        });
        return ResponseEntity.badRequest().body(fieldErrors(errors));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        if (e.getMostSpecificCause() instanceof CanonicalIds.NonCanonicalNumber) {
            return ResponseEntity.badRequest().body(invalidField(field, CanonicalIds.MESSAGE));
        }
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return ResponseEntity.badRequest().body(invalidField(field, "Expected " + expected + "."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        ProblemDetail body;
        StreamReadException refusedByParser = parserRefusal(cause);
        if (refusedByParser != null) {
            // A key given twice or a number beyond its type, refused while parsing (possibly inside a nested object,
            // whose path Jackson's wrapping cuts short): the parser's own position names the field.
            body = invalidField(fieldAt(refusedByParser.getProcessor().getParsingContext()),
                    isDuplicateKey(refusedByParser) ? "This field appears more than once in the object."
                            : "Expected a number in range.");
        } else if (cause instanceof UnrecognizedPropertyException u) {
            body = invalidField(path(u), "Unknown field '" + u.getPropertyName() + "'.");
        } else if (cause instanceof JsonInputRefused r) {
            body = invalidField(path(r), r.reason());
        } else if (cause instanceof InvalidFormatException f && f.getTargetType() != null) {
            body = invalidField(path(f), "Value " + quote(f.getValue()) + " is not " + describe(f.getTargetType()) + ".");
        } else if (cause instanceof MismatchedInputException m && !m.getPath().isEmpty() && m.getTargetType() != null) {
            body = invalidField(path(m), "Expected " + describe(m.getTargetType()) + ".");
        } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            body = invalidField(path(m), "Wrong type or value for this field.");
        } else if (cause instanceof MismatchedInputException m && m.getOriginalMessage() != null
                && m.getOriginalMessage().startsWith("Trailing token")) {
            body = invalidField("body", "The request body must be one JSON value with nothing after it.");
        } else if (cause instanceof JsonProcessingException) {
            body = invalidField("body", "The request body is not well-formed JSON.");
        } else {
            body = invalidField("body", "The request body is missing or unreadable.");
        }
        return ResponseEntity.badRequest().body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (e instanceof HttpMediaTypeNotAcceptableException) {
            // The client refused JSON; we can still only say so without a body.
            return ResponseEntity.status(status).build();
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail fieldErrors(Map<String, String> errors) {
        String first = errors.keySet().stream().findFirst().orElse(null);
        String detail = errors.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue())
                .collect(Collectors.joining("; "));
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail, first);
        p.setProperty("errors", errors.entrySet().stream()
                .map(en -> Map.of("field", en.getKey(), "message", en.getValue())).toList());
        return p;
    }

    private static ProblemDetail invalidField(String field, String message) {
        return fieldErrors(Map.of(field, message));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail, String field) {
        if (!status.is5xxServerError()) {
            Refusals.log(status.value(), detail);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(TYPE_BASE.resolve(type));
        p.setTitle(title);
        if (field != null) {
            p.setProperty("field", field);
        }
        return p;
    }

    private static StreamReadException parserRefusal(Throwable cause) {
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StreamReadException r && r.getProcessor() != null
                    && (isDuplicateKey(r) || r instanceof InputCoercionException)
                    && fieldAt(r.getProcessor().getParsingContext()) != null) {
                return r;
            }
        }
        return null;
    }

    /** STRICT_DUPLICATE_DETECTION's refusal, a plain parse exception told apart by its message only. */
    private static boolean isDuplicateKey(StreamReadException e) {
        return e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field '");
    }

    /** The field a streaming parser was at, in the same notation as {@link #path}: {@code metrics[0].value}. */
    private static String fieldAt(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push(c.getCurrentName());
            }
        }
        StringBuilder field = new StringBuilder();
        for (String part : parts) {
            field.append(field.length() > 0 && !part.startsWith("[") ? "." : "").append(part);
        }
        return field.length() == 0 ? null : field.toString();
    }

    private static String path(JsonMappingException e) {
        String joined = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return joined.isEmpty() ? "body" : joined;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number in range";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "text (a JSON string)";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

}
