package io.apath.classifier.api;

import io.apath.classifier.binding.ClassifierProperties;
import io.apath.tenantkeys.ApiKeyFilter;
import io.apath.tenantkeys.TenantKeys;
import io.apath.tenantkeys.TenantsFileWatcher;
import io.apath.tenantkeys.TenantsSection;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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
    TenantKeys classifierTenantKeys(ClassifierProperties properties) {
        Map<String, TenantKeys.Secrets> tenants = new HashMap<>();
        properties
                .tenants()
                .forEach((tenant, config) -> tenants.put(tenant, new TenantKeys.Secrets(config.apiKeySha256(), null)));
        TenantKeys keys = new TenantKeys(tenants);
        if (keys.isEmpty()) {
            log.warn("no apath.classifier.tenants API keys configured: POST /v1/corrections refuses every request");
        }
        return keys;
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> classifierApiKeyFilter(TenantKeys keys) {
        FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(keys, "a-path-classifier", Problems.UNAUTHORIZED, TENANT_ATTRIBUTE));
        registration.addUrlPatterns("/v1/*");
        return registration;
    }

    /** A rotated tenants file (API keys) takes effect without a restart; brand handles and rules are read at start-up. */
    @Bean
    @ConditionalOnProperty(TenantsFileWatcher.FILE_PROPERTY)
    TenantsFileWatcher classifierTenantsFileWatcher(TenantKeys keys, Environment environment, MeterRegistry registry) {
        return TenantsFileWatcher.fromEnvironment(
                keys, TenantsSection.of("apath.classifier", ClassifierProperties.Tenant.class), environment, registry);
    }
}
