package io.apath.ingest.api;

import io.apath.ingest.binding.IngestProperties;
import io.apath.ingest.domain.IntakeUnavailableException;
import io.apath.ingest.source.MentionJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure of the intake API into an RFC 9457 problem: client mistakes are 4xx (never 5xx), an unreachable
 * broker is 503 with {@code Retry-After}. Extends Spring's handler so its own 4xx (415, 405, ...) are problems too.
 */
@RestControllerAdvice
class ApiAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiAdvice.class);

    private final IngestProperties properties;

    ApiAdvice(IngestProperties properties) {
        this.properties = properties;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem e) {
        ResponseEntity.BodyBuilder response =
                ResponseEntity.status(e.problem().getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.problem().getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "HMAC-SHA256");
        }
        return response.body(e.problem());
    }

    @ExceptionHandler(MentionJson.MalformedException.class)
    ResponseEntity<ProblemDetail> malformed(MentionJson.MalformedException e) {
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, "Malformed body", e.getMessage()));
    }

    @ExceptionHandler(IntakeUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(IntakeUnavailableException e) {
        log.warn("Answering 503: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(
                        HttpHeaders.RETRY_AFTER,
                        Long.toString(properties.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        Problems.UNAVAILABLE,
                        "Intake unavailable",
                        e.getMessage() + "; nothing of this request was accepted, retry it"));
    }
}
