package io.apath.ingest.api;

import io.apath.ingest.binding.IngestProperties;
import io.apath.ingest.domain.MentionIntake;
import io.apath.ingest.domain.Submitted;
import io.apath.ingest.domain.WebhookSignature;
import io.apath.ingest.source.MastodonStatuses;
import io.apath.ingest.source.MentionJson;
import io.apath.tenantkeys.TenantKeys;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/webhooks/{source}}: pushes from social tools, authenticated by an HMAC-SHA256 signature over the
 * timestamp and the raw body with the tenant's webhook secret. {@code generic} takes A-Path's mention JSON,
 * {@code mastodon} a Mastodon status (or Mastodon's {@code {event, object}} webhook envelope).
 */
@RestController
class WebhookController {

    static final String TENANT_HEADER = "X-Apath-Tenant";
    static final String TIMESTAMP_HEADER = "X-Apath-Timestamp";
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private final MentionIntake intake;
    private final IngestProperties properties;
    private final WebhookSignature signature;
    private final TenantKeys keys;
    private final Clock clock;

    WebhookController(
            MentionIntake intake,
            IngestProperties properties,
            WebhookSignature signature,
            TenantKeys keys,
            Clock clock) {
        this.intake = intake;
        this.properties = properties;
        this.signature = signature;
        this.keys = keys;
        this.clock = clock;
    }

    @Operation(
            summary = "Receive a signed webhook",
            description = "Headers: `X-Apath-Tenant`, `X-Apath-Timestamp` (Unix seconds) and `X-Hub-Signature-256:"
                    + " sha256=<hex HMAC-SHA256 of \"<timestamp>.<raw body>\" with the tenant's webhook secret>`."
                    + " Deliveries older or newer than ingest.webhooks.tolerance are refused.",
            responses = {
                @ApiResponse(responseCode = "202", description = "Accepted items are acknowledged by Kafka"),
                @ApiResponse(responseCode = "401", description = "Missing, malformed, wrong or expired signature"),
                @ApiResponse(responseCode = "404", description = "Unknown source")
            })
    @PostMapping(
            path = "/v1/webhooks/{source}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<Object> receive(
            @Parameter(description = "generic or mastodon") @PathVariable String source,
            @RequestHeader(value = "Content-Type") MediaType contentType,
            @RequestHeader(value = TENANT_HEADER, required = false) String tenant,
            @RequestHeader(value = TIMESTAMP_HEADER, required = false) String timestamp,
            @RequestHeader(value = SIGNATURE_HEADER, required = false) String signed,
            HttpServletRequest request) {
        if (!source.equals("generic") && !source.equals(MastodonStatuses.PLATFORM)) {
            throw new ApiProblem(Problems.problem(
                    HttpStatus.NOT_FOUND,
                    Problems.UNKNOWN_SOURCE,
                    "Unknown webhook source",
                    "webhook sources are generic and mastodon"));
        }
        RequestBodies.requireUtf8(contentType);
        byte[] body = RequestBodies.read(request, properties.maxBodySize().toBytes());
        String secret = keys.webhookSecret(tenant)
                .orElseThrow(() -> ApiProblem.unauthorized("unknown tenant or no webhook secret configured for it"));
        WebhookSignature.Verdict verdict = signature.verify(secret, timestamp, body, signed, clock.instant());
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw ApiProblem.unauthorized(
                    switch (verdict) {
                        case MISSING ->
                            "the " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " headers are required";
                        case MALFORMED -> "the timestamp or signature is malformed";
                        case EXPIRED -> "the delivery is outside the tolerance of " + signature.tolerance();
                        default -> "the signature does not match";
                    });
        }
        List<Submitted> items = source.equals("generic") ? MentionJson.readJson(body) : readMastodon(body);
        return MentionController.answer(intake, properties, tenant, "webhook-" + source, items);
    }

    private static List<Submitted> readMastodon(byte[] body) {
        MentionJson.requireUtf8(body, 0, body.length);
        return MastodonStatuses.readWebhook(MentionJson.parse(body, 0, body.length));
    }
}
