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

    /**
     * A peer instance refused (401/403) the API key this instance accepted: the instances read the tenants file at
     * different moments (up to the reload interval plus the kubelet's sync, about a minute), so during a rotation
     * they can disagree. That passes; the caller's key is not wrong.
     */
    static ErrorResponseException peerRefusedKey() {
        return unavailable("another journey instance does not accept this API key yet (the tenants file is being "
                + "rotated); retry shortly");
    }

    private static ErrorResponseException problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://a-path.io/problems/" + type));
        return new ErrorResponseException(status, problem, null);
    }
}
