package io.apath.ingest.api;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem types of the ingest API; each {@code type} is documented in the service README. */
final class Problems {

    static final URI INVALID_MENTION = type("invalid-mention");
    static final URI MALFORMED_BODY = type("malformed-body");
    static final URI TOO_LARGE = type("too-large");
    static final URI UNAUTHORIZED = type("unauthorized");
    static final URI UNAVAILABLE = type("unavailable");
    static final URI UNKNOWN_SOURCE = type("unknown-webhook-source");
    static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");

    private Problems() {}

    static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    private static URI type(String name) {
        return URI.create("https://a-path.io/problems/" + name);
    }
}
