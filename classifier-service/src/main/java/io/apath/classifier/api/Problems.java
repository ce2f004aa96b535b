package io.apath.classifier.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem responses of the corrections API (the same types as ingest's and journey's). */
final class Problems {

    static final URI UNAUTHORIZED = type("unauthorized");
    static final URI FORBIDDEN = type("forbidden");
    static final URI INVALID_CORRECTION = type("invalid-correction");
    static final URI UNAVAILABLE = type("unavailable");

    private Problems() {}

    static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return problem;
    }

    private static URI type(String name) {
        return URI.create("https://a-path.io/problems/" + name);
    }
}
