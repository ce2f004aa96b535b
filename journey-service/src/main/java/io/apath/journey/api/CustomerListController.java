package io.apath.journey.api;

import io.apath.journey.domain.AdvocateLists;
import io.apath.journey.domain.AdvocateLists.Kind;
import io.apath.journey.domain.AdvocateLists.Listed;
import io.apath.tenantkeys.ApiKeyFilter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /v1/customers?tenant=&list=newest-advocates|advocates-at-risk&limit=}: this instance's top customers of
 * the list merged with every other instance's top (from {@code /internal/v1/customer-lists}), like the funnel.
 */
@RestController
class CustomerListController {

    static final int MAX_LIMIT = 100;

    private final JourneyQueries queries;
    private final double confidenceThreshold;
    private final RestClient http = RestClient.create();
    private final Clock clock = Clock.systemUTC();

    CustomerListController(
            JourneyQueries queries, @Value("${apath.journey.confidence-threshold:0.6}") double confidenceThreshold) {
        this.queries = queries;
        this.confidenceThreshold = confidenceThreshold;
    }

    record CustomerList(List<Listed> customers) {}

    @Operation(
            summary = "Newest advocates, or advocates at risk (a confident complaint or churn signal in the last 30 "
                    + "days, or an unanswered complaint)",
            security = @SecurityRequirement(name = "apiKey"))
    @GetMapping(path = "/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerList list(
            @RequestParam String tenant,
            @RequestParam String list,
            @RequestParam(defaultValue = "10") int limit,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String keyTenant,
            HttpServletRequest request) {
        Kind kind = checked(tenant, list, limit, keyTenant);
        Instant now = Instant.now(clock);
        List<Listed> rows = new ArrayList<>(local(tenant, kind, limit, now));
        for (HostInfo host : queries.otherHosts()) {
            CustomerList remote = http.get()
                    .uri(JourneyQueries.url(
                            host,
                            "/internal/v1/customer-lists?tenant=" + tenant + "&list=" + kind.parameter() + "&limit="
                                    + limit))
                    .header("X-Api-Key", ApiKeyFilter.presentedKey(request))
                    .retrieve()
                    .body(CustomerList.class);
            if (remote != null && remote.customers() != null) {
                rows.addAll(remote.customers());
            }
        }
        return new CustomerList(AdvocateLists.top(kind, rows, limit));
    }

    @Hidden
    @GetMapping(path = "/internal/v1/customer-lists", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerList localList(
            @RequestParam String tenant,
            @RequestParam String list,
            @RequestParam(defaultValue = "10") int limit,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String keyTenant) {
        Kind kind = checked(tenant, list, limit, keyTenant);
        return new CustomerList(local(tenant, kind, limit, Instant.now(clock)));
    }

    private List<Listed> local(String tenant, Kind kind, int limit, Instant now) {
        try {
            return queries.localList(tenant, kind, limit, now, confidenceThreshold);
        } catch (InvalidStateStoreException e) {
            throw Problems.unavailable("the journey store is rebalancing; retry shortly");
        }
    }

    private static Kind checked(String tenant, String list, int limit, String keyTenant) {
        if (!tenant.equals(keyTenant)) {
            throw Problems.forbidden("this API key is not for tenant " + tenant);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Problems.badRequest("limit must be within 1.." + MAX_LIMIT);
        }
        return Kind.ofParameter(list)
                .orElseThrow(() -> Problems.badRequest("list must be newest-advocates or advocates-at-risk"));
    }
}
