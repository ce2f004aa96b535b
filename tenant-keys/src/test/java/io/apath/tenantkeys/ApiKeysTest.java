package io.apath.tenantkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private static final Predicate<String> LOWER_CASE_NAMES = tenant -> tenant.matches("[a-z]+");

    private final ApiKeys keys = new ApiKeys(Map.of(
            "acme", List.of(ApiKeys.hash("old-acme"), ApiKeys.hash("new-acme").toUpperCase()),
            "globex", List.of(ApiKeys.hash("globex-key"))));

    @Test
    void eachKeyMapsToItsTenantIncludingRotatedOnes() {
        assertThat(keys.tenantOf("old-acme")).hasValue("acme");
        assertThat(keys.tenantOf("new-acme")).hasValue("acme");
        assertThat(keys.tenantOf("globex-key")).hasValue("globex");
        assertThat(keys.isEmpty()).isFalse();
    }

    @Test
    void unknownMissingEmptyAndPaddedKeysMapToNoTenant() {
        assertThat(keys.tenantOf("acme")).isEmpty();
        assertThat(keys.tenantOf(null)).isEmpty();
        assertThat(keys.tenantOf("")).isEmpty();
        assertThat(keys.tenantOf("new-acme ")).isEmpty();
    }

    @Test
    void withNoKeysConfiguredEveryKeyIsRefused() {
        ApiKeys none = new ApiKeys(Map.of());

        assertThat(none.isEmpty()).isTrue();
        assertThat(none.tenantOf("demo-key-acme")).isEmpty();
        assertThat(none.tenantOf("")).isEmpty();
        assertThat(none.tenantOf(null)).isEmpty();
    }

    @Test
    void theHashToConfigureIsLowerCaseHexSha256OfTheKey() {
        // the value CorrectionApiTest (classifier) configures for "key-acme"
        assertThat(ApiKeys.hash("key-acme"))
                .isEqualTo("6371cb7a907cc8f10740229732c4b6164b285169494b85304468313513427878");
        assertThat(ApiKeys.hash("demo-key-acme")).hasSize(64).isLowerCase();
    }

    @Test
    void aConfiguredValueThatIsNotASha256HashIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("acme", List.of("plain-key"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKeys(Map.of("acme", List.of("abcd"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme");
    }

    @Test
    void aTenantNameTheServicesRuleRejectsIsRefusedAtStartUpEvenWithoutKeys() {
        assertThatThrownBy(() -> new ApiKeys(Map.of("Acme Corp", List.of(ApiKeys.hash("k"))), LOWER_CASE_NAMES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant name 'Acme Corp' is not valid");
        assertThatThrownBy(() -> new ApiKeys(Map.of("Acme Corp", List.of()), LOWER_CASE_NAMES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTenantNameTheRuleAcceptsWorksAndWithoutARuleAnyNameDoes() {
        assertThat(new ApiKeys(Map.of("acme", List.of(ApiKeys.hash("k"))), LOWER_CASE_NAMES).tenantOf("k"))
                .hasValue("acme");
        assertThat(new ApiKeys(Map.of("Acme Corp", List.of(ApiKeys.hash("k")))).tenantOf("k"))
                .hasValue("Acme Corp");
    }
}
