package io.apath.ingest.api;

import io.apath.contracts.Mention;
import io.apath.ingest.domain.InvalidMentionException;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.MentionSubmission;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /v1/mentions}: 202 once the mention is on Kafka, 400 with the broken fields otherwise. */
@RestController
class MentionController {

    private final MentionIntake intake;

    MentionController(MentionIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/v1/mentions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> submit(@RequestBody MentionSubmission submission) {
        Mention mention = intake.accept(submission);
        return ResponseEntity.accepted()
                .body(new Accepted(mention.mentionId().value(), mention.customerKey().value()));
    }

    @ExceptionHandler(InvalidMentionException.class)
    ProblemDetail invalid(InvalidMentionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The mention is not valid.");
        problem.setType(URI.create("https://a-path.io/problems/invalid-mention"));
        List<Map<String, String>> errors = e.violations().stream()
                .map(v -> Map.of("field", v.field(), "problem", v.problem()))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    record Accepted(String mentionId, String customerKey) {}
}
