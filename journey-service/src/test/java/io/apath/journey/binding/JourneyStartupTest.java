package io.apath.journey.binding;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.journey.JourneyApplication;
import org.junit.jupiter.api.Test;

/**
 * Configuration is validated when the service starts: a broken rule or brand handle stops it with its name, before
 * Kafka is used.
 */
class JourneyStartupTest {

    @Test
    void invalidTenantRuleStopsStartUpNamingTheRule() {
        assertThatThrownBy(() -> JourneyApplication.application()
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.cloud.stream.kafka.streams.binder.brokers=localhost:1",
                                "--apath.journey.tenants.acme.rules.affinity=positive_90d >= 'three'"))
                .rootCause()
                .hasMessageContaining("Journey rule 'affinity' (tenant acme) is invalid");
    }

    @Test
    void aMalformedBrandHandleStopsStartUpNamingTheTenant() {
        assertThatThrownBy(() -> JourneyApplication.application()
                        .run(
                                "--server.port=0",
                                "--spring.main.banner-mode=off",
                                "--spring.cloud.stream.kafka.streams.binder.brokers=localhost:1",
                                "--apath.journey.tenants.acme.brand-handles[0]=@acme @acme_help"))
                .hasStackTraceContaining("apath.journey.tenants.acme.brand-handles: not a handle: '@acme @acme_help'");
    }
}
