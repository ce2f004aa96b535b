package io.apath.journey.api;

import io.apath.journey.domain.Funnel;
import io.apath.journey.domain.FunnelCounts;
import io.apath.tenantkeys.ApiKeyFilter;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /v1/funnel?tenant=}: this instance's share of the tenant's customers plus every other instance's share
 * (fetched from {@code /internal/v1/funnel-counts}), so the answer covers all partitions.
 */
@RestController
class FunnelController {

    private final JourneyQueries queries;
    private final RestClient http = RestClient.create();
    private final Clock clock = Clock.systemUTC();

    FunnelController(JourneyQueries queries) {
        this.queries = queries;
    }

    @Operation(
            summary = "Customers per stage, conversion between stages, median time in stage, response rate",
            security = @SecurityRequirement(name = "apiKey"))
    @GetMapping(path = "/v1/funnel", produces = MediaType.APPLICATION_JSON_VALUE)
    Funnel funnel(
            @RequestParam String tenant,
            @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String keyTenant,
            HttpServletRequest request) {
        checkTenant(tenant, keyTenant);
        FunnelCounts counts = local(tenant);
        for (HostInfo host : queries.otherHosts()) {
            FunnelCounts remote = http.get()
                    .uri(JourneyQueries.url(host, "/internal/v1/funnel-counts?tenant=" + tenant))
                    .header("X-Api-Key", ApiKeyFilter.presentedKey(request))
                    .retrieve()
                    .body(FunnelCounts.class);
            counts = counts.plus(remote == null ? FunnelCounts.EMPTY : remote);
        }
        return Funnel.of(tenant, counts, LocalDate.now(clock));
    }

    @Hidden
    @GetMapping(path = "/internal/v1/funnel-counts", produces = MediaType.APPLICATION_JSON_VALUE)
    FunnelCounts counts(
            @RequestParam String tenant, @RequestAttribute(ApiConfiguration.TENANT_ATTRIBUTE) String keyTenant) {
        checkTenant(tenant, keyTenant);
        return local(tenant);
    }

    private FunnelCounts local(String tenant) {
        try {
            return queries.localFunnel(tenant);
        } catch (InvalidStateStoreException e) {
            throw Problems.unavailable("the journey store is rebalancing; retry shortly");
        }
    }

    private static void checkTenant(String tenant, String keyTenant) {
        if (!tenant.equals(keyTenant)) {
            throw Problems.forbidden("this API key is not for tenant " + tenant);
        }
    }
}
