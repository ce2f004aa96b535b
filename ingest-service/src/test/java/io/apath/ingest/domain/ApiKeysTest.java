package io.apath.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(Map.of(
            "acme", List.of(ApiKeys.hash("old-acme"), ApiKeys.hash("new-acme")),
            "globex", List.of(ApiKeys.hash("globex-key"))));

    @Test
    void eachKeyMapsToItsTenantIncludingRotatedOnes() {
        assertThat(keys.tenantOf("old-acme")).hasValue("acme");
        assertThat(keys.tenantOf("new-acme")).hasValue("acme");
        assertThat(keys.tenantOf("globex-key")).hasValue("globex");
    }

    @Test
    void unknownMissingAndEmptyKeysMapToNoTenant() {
        assertThat(keys.tenantOf("acme")).isEmpty();
        assertThat(keys.tenantOf(null)).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
    }

    @Test
    void aConfiguredValueThatIsNotASha256HashIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("acme", List.of("plain-key"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
