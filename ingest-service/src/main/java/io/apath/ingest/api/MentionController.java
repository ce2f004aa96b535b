package io.apath.ingest.api;

import io.apath.ingest.binding.IngestProperties;
import io.apath.ingest.domain.ItemOutcome;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.MentionSubmission;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.source.MentionJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/mentions}: one mention, a JSON array or NDJSON; 202 with a result per item once every accepted item
 * is on the broker, 422 when none could be taken, 503 + Retry-After when the broker did not acknowledge in time.
 */
@RestController
class MentionController {

    static final String NDJSON = "application/x-ndjson";
    /** Sources a client may declare for its metrics; anything else counts as {@code api}. */
    private static final Set<String> DECLARABLE_SOURCES = Set.of("api", "import");

    private final MentionIntake intake;
    private final IngestProperties properties;

    MentionController(MentionIntake intake, IngestProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @Operation(
            summary = "Submit mentions",
            description = "A JSON object (one mention), a JSON array, or NDJSON (one object per line), up to"
                    + " ingest.max-batch-size items. The tenant comes from the API key; a `tenant` field in an item"
                    + " must match it. Each item is reported accepted, duplicate (published within the idempotency"
                    + " window), suppressed (author erased or opted out) or rejected (with an RFC 9457 problem).",
            security = @SecurityRequirement(name = "apiKey"),
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                                        array =
                                                @ArraySchema(
                                                        schema = @Schema(implementation = MentionSubmission.class))),
                                @Content(
                                        mediaType = NDJSON,
                                        schema =
                                                @Schema(
                                                        implementation = MentionSubmission.class,
                                                        description = "one mention object per line"))
                            }),
            responses = {
                @ApiResponse(
                        responseCode = "202",
                        description = "Every accepted item is acknowledged by Kafka",
                        content = @Content(schema = @Schema(implementation = BatchResponse.class))),
                @ApiResponse(
                        responseCode = "422",
                        description = "No item could be accepted; per-item problems in `items`",
                        content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                @ApiResponse(responseCode = "400", description = "Malformed JSON or invalid UTF-8"),
                @ApiResponse(responseCode = "401", description = "Missing or unknown API key"),
                @ApiResponse(responseCode = "413", description = "Body or item count over the limit"),
                @ApiResponse(responseCode = "415", description = "Not application/json or application/x-ndjson"),
                @ApiResponse(
                        responseCode = "503",
                        description = "Kafka did not acknowledge in time; nothing was accepted, retry after"
                                + " Retry-After seconds")
            })
    @PostMapping(
            path = "/v1/mentions",
            consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON},
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> submit(
            HttpServletRequest request,
            @RequestHeader(value = "Content-Type") MediaType contentType,
            @RequestHeader(value = "X-Apath-Source", required = false) String declaredSource,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String tenant) {
        RequestBodies.requireUtf8(contentType);
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes());
        List<Submitted> items = contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? MentionJson.readJson(body)
                : MentionJson.readNdjson(body);
        String source = declaredSource != null && DECLARABLE_SOURCES.contains(declaredSource) ? declaredSource : "api";
        return answer(intake, properties, tenant, source, items);
    }

    static ResponseEntity<Object> answer(
            MentionIntake intake, IngestProperties properties, String tenant, String source, List<Submitted> items) {
        if (items.size() > properties.maxBatchSize()) {
            throw ApiProblem.tooLarge(
                    items.size() + " mentions in one request, the limit is " + properties.maxBatchSize());
        }
        if (items.isEmpty()) {
            throw new MentionJson.MalformedException("the body holds no mention");
        }
        List<ItemOutcome> outcomes = intake.submit(tenant, source, items);
        BatchResponse response = BatchResponse.of(outcomes);
        if (response.allRejected()) {
            ProblemDetail problem = Problems.problem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    Problems.INVALID_MENTION,
                    "Invalid mention",
                    items.size() == 1
                            ? response.items().get(0).problem().detail()
                            : "none of the " + items.size() + " mentions is valid");
            if (items.size() == 1) {
                problem.setProperty("index", 0);
                problem.setProperty("errors", response.items().get(0).problem().errors());
            }
            problem.setProperty("items", response.items());
            return ResponseEntity.unprocessableContent()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.accepted().contentType(MediaType.APPLICATION_JSON).body(response);
    }
}
