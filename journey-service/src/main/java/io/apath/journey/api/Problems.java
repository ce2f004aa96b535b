package io.apath.journey.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** RFC 9457 problem responses of the journey API. */
final class Problems {

    private Problems() {}

    static ErrorResponseException notFound(String customerKey) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no journey for customer " + customerKey);
    }

    static ErrorResponseException badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    static ErrorResponseException forbidden(String detail) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    static ErrorResponseException unavailable(String detail) {
        ErrorResponseException e = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", detail);
        e.getHeaders().set("Retry-After", "2");
        return e;
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://a-path.io/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
