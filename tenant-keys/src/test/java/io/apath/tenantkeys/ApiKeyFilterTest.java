package io.apath.tenantkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ApiKeyFilterTest {

    private static final String ATTRIBUTE = "test.tenant";
    private static final TenantKeys KEYS =
            new TenantKeys(Map.of("acme", new TenantKeys.Secrets(List.of(ApiKeys.hash("key-acme")), null)));

    @Test
    void aBearerKeyOrAnXApiKeyPassesWithItsTenantInTheAttribute() throws Exception {
        ApiKeyFilter filter = new ApiKeyFilter(KEYS, "a-path-test", null, ATTRIBUTE);

        for (MockHttpServletRequest request :
                List.of(request("Authorization", "bearer  key-acme "), request("X-Api-Key", "key-acme"))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(chain.getRequest()).isSameAs(request);
            assertThat(request.getAttribute(ATTRIBUTE)).isEqualTo("acme");
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    @Test
    void withoutAValidKeyItIs401WithTheRealmAndAProblemOfTheGivenType() throws Exception {
        ApiKeyFilter filter = new ApiKeyFilter(
                KEYS, "a-path-test", URI.create("https://example.org/problems/unauthorized"), ATTRIBUTE);

        for (MockHttpServletRequest request : List.of(
                new MockHttpServletRequest("GET", "/v1/x"),
                request("Authorization", "Bearer wrong"),
                request("Authorization", "Basic a2V5LWFjbWU="))) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            MockFilterChain chain = new MockFilterChain();

            filter.doFilter(request, response, chain);

            assertThat(chain.getRequest()).isNull();
            assertThat(request.getAttribute(ATTRIBUTE)).isNull();
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"a-path-test\"");
            assertThat(response.getContentType()).isEqualTo("application/problem+json");
            assertThat(response.getContentAsString())
                    .isEqualTo(
                            "{\"type\":\"https://example.org/problems/unauthorized\",\"title\":\"Unauthorized\","
                                    + "\"status\":401,\"detail\":\"a valid API key is required (Authorization: Bearer <key>)\"}");
        }
    }

    @Test
    void withoutAProblemTypeTheBodyHasNoType() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new ApiKeyFilter(KEYS, "a-path-test", null, ATTRIBUTE)
                .doFilter(new MockHttpServletRequest("GET", "/v1/x"), response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString())
                .isEqualTo("{\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"a valid API key is required (Authorization: Bearer <key>)\"}");
    }

    private static MockHttpServletRequest request(String header, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/x");
        request.addHeader(header, value);
        return request;
    }
}
