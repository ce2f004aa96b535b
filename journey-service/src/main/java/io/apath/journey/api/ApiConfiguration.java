package io.apath.journey.api;

import io.apath.journey.binding.JourneyProperties;
import io.apath.tenantkeys.ApiKeyFilter;
import io.apath.tenantkeys.TenantKeys;
import io.apath.tenantkeys.TenantsFileWatcher;
import io.apath.tenantkeys.TenantsSection;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** API keys guard {@code /v1/**}; the OpenAPI document at {@code /v3/api-docs} describes the endpoints. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** The request attribute holding the API key's tenant ({@code @RequestAttribute}). */
    static final String TENANT_ATTRIBUTE = "io.apath.journey.api.tenant";

    @Bean
    TenantKeys journeyTenantKeys(JourneyProperties properties) {
        Map<String, TenantKeys.Secrets> tenants = new HashMap<>();
        properties
                .tenants()
                .forEach((tenant, config) -> tenants.put(tenant, new TenantKeys.Secrets(config.apiKeySha256(), null)));
        return new TenantKeys(tenants);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> journeyApiKeyFilter(TenantKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(keys, "a-path-journey", null, TENANT_ATTRIBUTE));
        registration.addUrlPatterns("/v1/*", "/internal/*");
        return registration;
    }

    /** A rotated tenants file (API keys) takes effect without a restart; brand handles and rules are read at start-up. */
    @Bean
    @ConditionalOnProperty(TenantsFileWatcher.FILE_PROPERTY)
    TenantsFileWatcher journeyTenantsFileWatcher(TenantKeys keys, Environment environment, MeterRegistry registry) {
        return TenantsFileWatcher.fromEnvironment(
                keys, TenantsSection.of("apath.journey", JourneyProperties.Tenant.class), environment, registry);
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
