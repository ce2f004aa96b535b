package io.apath.journey.api;

import io.apath.journey.binding.JourneyProperties;
import io.apath.tenantkeys.ApiKeyFilter;
import io.apath.tenantkeys.ApiKeys;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys guard {@code /v1/**}; the OpenAPI document at {@code /v3/api-docs} describes the endpoints. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** The request attribute holding the API key's tenant ({@code @RequestAttribute}). */
    static final String TENANT_ATTRIBUTE = "io.apath.journey.api.tenant";

    @Bean
    ApiKeys journeyApiKeys(JourneyProperties properties) {
        Map<String, List<String>> hashes = new HashMap<>();
        properties.tenants().forEach((tenant, config) -> hashes.put(tenant, config.apiKeySha256()));
        return new ApiKeys(hashes);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> journeyApiKeyFilter(ApiKeys apiKeys) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(apiKeys, "a-path-journey", null, TENANT_ATTRIBUTE));
        registration.addUrlPatterns("/v1/*", "/internal/*");
        return registration;
    }

    @Bean
    JourneyQueries journeyQueries(InteractiveQueryService queries) {
        return new JourneyQueries(queries);
    }

    @Bean
    OpenAPI journeyOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("A-Path journey")
                        .version("v1")
                        .description("Customer journeys and the funnel, queried from the journey service's state "
                                + "stores (any instance answers: requests are forwarded to the instance that owns the "
                                + "customer). Privacy requests are applied asynchronously, in order with the "
                                + "customer's mentions."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A tenant's API key (also accepted as X-Api-Key)")));
    }
}
