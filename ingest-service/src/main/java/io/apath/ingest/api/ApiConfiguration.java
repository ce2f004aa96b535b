package io.apath.ingest.api;

import io.apath.tenantkeys.ApiKeyFilter;
import io.apath.tenantkeys.TenantKeys;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** API keys guard {@code /v1/mentions}; the OpenAPI document at {@code /v3/api-docs} says so. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** The request attribute holding the API key's tenant ({@code @RequestAttribute}). */
    static final String TENANT_ATTRIBUTE = "io.apath.ingest.api.ApiKeyFilter.tenant";

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(TenantKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(keys, "a-path-ingest", Problems.UNAUTHORIZED, TENANT_ATTRIBUTE));
        registration.addUrlPatterns("/v1/mentions", "/v1/mentions/*");
        return registration;
    }

    @Bean
    OpenAPI ingestOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("A-Path ingest")
                        .version("v1")
                        .description("Mentions in; on mentions.v1 once Kafka acknowledged them."))
                .components(new Components()
                        .addSecuritySchemes(
                                "apiKey",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A tenant's API key")));
    }
}
