package io.apath.classifier.api;

import io.apath.classifier.binding.ClassifierProperties;
import io.apath.tenantkeys.ApiKeyFilter;
import io.apath.tenantkeys.ApiKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API keys ({@code apath.classifier.tenants.<tenant>.api-key-sha256[]}) guard {@code /v1/**}, that is
 * {@code POST /v1/corrections}. With none configured every request is refused (401): corrections feed retraining, so
 * the endpoint is never open.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    /** The request attribute holding the API key's tenant ({@code @RequestAttribute}). */
    static final String TENANT_ATTRIBUTE = "io.apath.classifier.api.tenant";

    private static final Logger log = LoggerFactory.getLogger(ApiConfiguration.class);

    @Bean
    ApiKeys classifierApiKeys(ClassifierProperties properties) {
        Map<String, List<String>> hashes = new HashMap<>();
        properties.tenants().forEach((tenant, config) -> hashes.put(tenant, config.apiKeySha256()));
        ApiKeys keys = new ApiKeys(hashes);
        if (keys.isEmpty()) {
            log.warn("no apath.classifier.tenants API keys configured: POST /v1/corrections refuses every request");
        }
        return keys;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> classifierApiKeyFilter(ApiKeys apiKeys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(apiKeys, "a-path-classifier", Problems.UNAUTHORIZED, TENANT_ATTRIBUTE));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }
}
