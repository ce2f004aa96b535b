package io.apath.ingest.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request-level failure the advice turns into its problem detail (never a 5xx for bad input). */
class ApiProblem extends RuntimeException {

    private final transient ProblemDetail problem;

    ApiProblem(ProblemDetail problem) {
        super(problem.getDetail());
        this.problem = problem;
    }

    static ApiProblem tooLarge(String detail) {
        return new ApiProblem(
                Problems.problem(HttpStatus.CONTENT_TOO_LARGE, Problems.TOO_LARGE, "Request too large", detail));
    }

    /** The body could not be read to its end (the client went away, a broken chunked encoding): nothing was accepted. */
    static ApiProblem unreadableBody(String detail) {
        return new ApiProblem(
                Problems.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_BODY, "Unreadable request body", detail));
    }

    static ApiProblem unauthorized(String detail) {
        return new ApiProblem(Problems.problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail));
    }

    static ApiProblem unsupportedMediaType(String detail) {
        return new ApiProblem(Problems.problem(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE, Problems.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail));
    }

    ProblemDetail problem() {
        return problem;
    }
}
