package io.apath.classifier.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void withNoKeysConfiguredEveryKeyIsRefused() {
        ApiKeys none = new ApiKeys(Map.of());

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.tenantOf("demo-key-acme")).isEmpty();
        assertThat(none.tenantOf("")).isEmpty();
        assertThat(none.tenantOf(null)).isEmpty();
    }

    @Test
    void aKeyMapsToItsTenantByHashAndRotationKeepsBothKeys() {
        ApiKeys keys = new ApiKeys(Map.of(
                "acme",
                        List.of(
                                ApiKeys.hash("old-acme"),
                                ApiKeys.hash("new-acme").toUpperCase()),
                "globex", List.of(ApiKeys.hash("globex-key"))));

        assertThat(keys.tenantOf("old-acme")).hasValue("acme");
        assertThat(keys.tenantOf("new-acme")).hasValue("acme");
        assertThat(keys.tenantOf("globex-key")).hasValue("globex");
        assertThat(keys.tenantOf("new-acme ")).isEmpty();
        assertThat(ApiKeys.hash("demo-key-acme")).hasSize(64).isLowerCase();
    }

    @Test
    void aHashThatIsNotSha256IsAConfigurationError() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("acme", List.of("abcd"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme");
    }
}
