package io.apath.classifier.api;

import io.apath.contracts.Intent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /v1/corrections}: a reviewer's corrected labels for one post, in the labelling guideline's JSONL shape
 * plus the tenant. Accepted corrections go to the corrections topic (binding {@code corrections}); a dump of that
 * topic is a file {@code train --corrections} reads, which is how a brand tunes the model to its own customers.
 * The tenant is the API key's ({@link io.apath.tenantkeys.ApiKeyFilter}); a {@code tenant} in the body must be
 * that one (else 403).
 */
@RestController
@RequestMapping("/v1/corrections")
class CorrectionController {

    private final StreamBridge bridge;

    CorrectionController(StreamBridge bridge) {
        this.bridge = bridge;
    }

    /**
     * One corrected item; {@code labels} primary first, at most two, INFORMATIONAL/IRRELEVANT only alone.
     * {@code tenant} may be left out (the key's tenant is written).
     */
    record Correction(
            String tenant,
            @NotBlank String id,
            @NotBlank String text,
            @NotEmpty @Size(max = 2) List<@NotNull Intent> labels,
            String sentiment,
            String reviewer) {}

    @PostMapping
    ResponseEntity<?> submit(
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String keyTenant,
            @Valid @RequestBody Correction submitted) {
        if (submitted.tenant() != null && !submitted.tenant().equals(keyTenant)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN)
                    .body(Problems.problem(
                            HttpStatus.FORBIDDEN,
                            Problems.FORBIDDEN,
                            "this API key is not for tenant " + submitted.tenant()));
        }
        String problem = problem(submitted);
        if (problem != null) {
            return ResponseEntity.badRequest()
                    .body(Problems.problem(HttpStatus.BAD_REQUEST, Problems.INVALID_CORRECTION, problem));
        }
        Correction correction = new Correction(
                keyTenant,
                submitted.id(),
                submitted.text(),
                submitted.labels(),
                submitted.sentiment(),
                submitted.reviewer());
        var message = MessageBuilder.withPayload(correction)
                .setHeader(KafkaHeaders.KEY, keyTenant + ":" + correction.id())
                .build();
        if (!bridge.send("corrections", message)) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Problems.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            Problems.UNAVAILABLE,
                            "corrections topic did not accept the item"));
        }
        return ResponseEntity.accepted().body(Map.of("id", correction.id(), "status", "accepted"));
    }

    private static String problem(Correction c) {
        if (c.labels().size() == 2
                && (c.labels().contains(Intent.INFORMATIONAL) || c.labels().contains(Intent.IRRELEVANT))) {
            return "INFORMATIONAL and IRRELEVANT are never combined with another label";
        }
        if (c.labels().size() == 2 && c.labels().get(0) == c.labels().get(1)) {
            return "the two labels must differ";
        }
        if (c.sentiment() != null
                && !List.of("negative", "neutral", "positive")
                        .contains(c.sentiment().toLowerCase(Locale.ROOT))) {
            return "sentiment must be negative, neutral or positive";
        }
        return null;
    }
}
