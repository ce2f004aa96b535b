package io.apath.classifier.api;

import io.apath.contracts.Intent;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * A correction a reviewer's tool got wrong is a 400 {@code invalid-correction} problem that says what to fix (the
 * label that is not one, the missing field), not Spring's bare "Failed to read request".
 */
@RestControllerAdvice(assignableTypes = CorrectionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE) // before Spring's own problem-details handler, which would answer the same errors
class CorrectionAdvice {

    private static final String LABELS =
            Arrays.stream(Intent.values()).map(Enum::name).collect(Collectors.joining(", "));

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String detail;
        if (e.getCause() instanceof InvalidFormatException invalid && invalid.getTargetType() == Intent.class) {
            detail = path(invalid) + ": '" + invalid.getValue() + "' is not a label (one of " + LABELS + ")";
        } else if (e.getCause() instanceof JacksonException json) {
            detail = "the body is not a correction: " + json.getOriginalMessage() + " at " + path(json);
        } else {
            detail = "the body is not a correction: a JSON object is expected";
        }
        return invalid(detail);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> notValid(MethodArgumentNotValidException e) {
        return invalid(e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
    }

    private static ResponseEntity<ProblemDetail> invalid(String detail) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_CORRECTION, detail));
    }

    /** {@code labels[0]}: where in the body the value was. */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the body" : path.toString();
    }
}
