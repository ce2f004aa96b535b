package io.apath.journey.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;

/** Temporary conditions, local or on a peer instance, answer 503 with Retry-After, never 500. */
class ApiAdviceTest {

    @RestController
    static class Failing {

        @GetMapping("/local-store-migrating")
        String local() {
            throw new InvalidStateStoreException("migrating");
        }

        @GetMapping("/peer-rebalancing")
        String peer() {
            throw HttpServerErrorException.create(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Service Unavailable",
                    HttpHeaders.EMPTY,
                    "{}".getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
        }

        @GetMapping("/peer-unreachable")
        String unreachable() {
            throw new ResourceAccessException("I/O error", new SocketTimeoutException("connect timed out"));
        }

        @GetMapping("/peer-refuses-key")
        String refusesKey() {
            throw HttpClientErrorException.create(
                    HttpStatus.UNAUTHORIZED, "Unauthorized", HttpHeaders.EMPTY, new byte[0], null);
        }

        @GetMapping("/peer-broken")
        String broken() {
            throw HttpServerErrorException.create(
                    HttpStatus.INTERNAL_SERVER_ERROR, "boom", HttpHeaders.EMPTY, new byte[0], null);
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ApiAdvice())
            .build();

    @Test
    void aLocalStoreThatIsMigratingIsUnavailableForAMoment() throws Exception {
        mvc.perform(get("/local-store-migrating"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"));
    }

    @Test
    void aPeerWhoseStoreIsRebalancingMakesTheMergedAnswerUnavailableNotAnError() throws Exception {
        mvc.perform(get("/peer-rebalancing"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(
                        jsonPath("$.detail").value("another journey instance's store is rebalancing; retry shortly"));
    }

    @Test
    void anUnreachablePeerIsUnavailableForAMoment() throws Exception {
        mvc.perform(get("/peer-unreachable")).andExpect(status().isServiceUnavailable());
    }

    @Test
    void aPeerThatHasNotYetReadTheRotatedTenantsFileIsUnavailableForAMomentNotAServerError() throws Exception {
        mvc.perform(get("/peer-refuses-key"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.detail")
                        .value("another journey instance does not accept this API key yet (the tenants file is "
                                + "being rotated); retry shortly"));
    }

    @Test
    void aPeersRealFailureIsNotDisguisedAsTemporary() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mvc.perform(get("/peer-broken")))
                .hasRootCauseInstanceOf(HttpServerErrorException.InternalServerError.class);
    }
}
