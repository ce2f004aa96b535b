package io.apath.journey.api;

import io.apath.contracts.CustomerKey;
import io.apath.journey.domain.JourneyCommands;
import io.apath.journey.domain.JourneyInput.ConsentRecorded;
import io.apath.journey.domain.JourneyInput.ErasureRequested;
import io.apath.tenantkeys.ApiKeyFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * One customer: the journey ({@code GET}, answered by whichever instance owns the customer), erasure
 * ({@code DELETE}) and contact consent ({@code PUT .../consent}). A customer of another tenant is "not found".
 */
@RestController
class CustomerController {

    static final String FORWARDED = "X-Apath-Forwarded";

    private final JourneyQueries queries;
    private final JourneyCommands commands;
    private final RestClient http = RestClient.create();
    private final Clock clock = Clock.systemUTC();

    CustomerController(JourneyQueries queries, JourneyCommands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @Operation(
            summary = "A customer's journey: stage, style, counters, open response windows, bounded history with "
                    + "evidence",
            security = @SecurityRequirement(name = "apiKey"))
    @GetMapping(path = "/v1/customers/{key}/journey", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> journey(
            @PathVariable String key,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String tenant,
            @RequestHeader(name = FORWARDED, required = false) String forwarded,
            HttpServletRequest request) {
        CustomerKey customer = ownCustomer(key, tenant);
        Optional<HostInfo> owner = queries.owner(customer.value());
        if (owner.isEmpty()) {
            throw Problems.unavailable("the journey store is rebalancing; retry shortly");
        }
        if (queries.isLocal(owner.get())) {
            return queries.local(customer.value())
                    .map(state -> ResponseEntity.ok((Object) CustomerView.of(state)))
                    .orElseThrow(() -> Problems.notFound(customer.value()));
        }
        if (forwarded != null) {
            throw Problems.unavailable("ownership moved while the request was forwarded; retry shortly");
        }
        try {
            String body = http.get()
                    .uri(JourneyQueries.url(owner.get(), "/v1/customers/" + customer.value() + "/journey"))
                    .header("X-Api-Key", ApiKeyFilter.presentedKey(request))
                    .header(FORWARDED, "1")
                    .retrieve()
                    .body(String.class);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 401 || e.getStatusCode().value() == 403) {
                throw Problems.peerRefusedKey();
            }
            return ResponseEntity.status(e.getStatusCode())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(e.getResponseBodyAsString());
        }
    }

    @Operation(
            summary = "Erase a customer: state tombstoned, CustomerErased emitted, future mentions suppressed",
            description = "Accepted (202) once the request is on Kafka; applied in order with the customer's "
                    + "mentions. Send an Idempotency-Key to make retries produce one CustomerErased event.",
            security = @SecurityRequirement(name = "apiKey"))
    @DeleteMapping(path = "/v1/customers/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> erase(
            @PathVariable String key,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String tenant,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        CustomerKey customer = ownCustomer(key, tenant);
        String requestId = idempotencyKey == null || idempotencyKey.isBlank()
                ? UUID.randomUUID().toString()
                : idempotencyKey;
        commands.send(new ErasureRequested(customer, requestId, null, Instant.now(clock)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(customer.value(), requestId, "erasure"));
    }

    @Operation(
            summary = "Record whether the brand may contact the customer",
            security = @SecurityRequirement(name = "apiKey"))
    @PutMapping(
            path = "/v1/customers/{key}/consent",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Accepted> consent(
            @PathVariable String key,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String tenant,
            @RequestBody ConsentRequest body) {
        CustomerKey customer = ownCustomer(key, tenant);
        if (body == null || body.contactAllowed() == null) {
            throw Problems.badRequest("body must be {\"contactAllowed\": true|false}");
        }
        commands.send(new ConsentRecorded(customer, body.contactAllowed(), Instant.now(clock)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(customer.value(), null, "consent"));
    }

    record ConsentRequest(Boolean contactAllowed) {}

    record Accepted(String customerKey, String requestId, String request) {}

    private static CustomerKey ownCustomer(String key, String tenant) {
        CustomerKey customer;
        try {
            customer = new CustomerKey(key);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(e.getMessage());
        }
        if (!customer.tenant().equals(tenant)) {
            throw Problems.notFound(key); // never confirm that another tenant's customer exists
        }
        return customer;
    }
}
