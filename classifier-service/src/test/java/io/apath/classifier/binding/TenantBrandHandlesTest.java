package io.apath.classifier.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenantBrandHandlesTest {

    private static ClassifierProperties tenants(Map<String, ClassifierProperties.Tenant> tenants) {
        return new ClassifierProperties(null, null, null, tenants, null);
    }

    @Test
    void eachTenantsBrandHandlesBecomeItsBrandAccounts() {
        var byTenant = ClassifierBindings.brandAccountsByTenant(tenants(Map.of(
                "acme", new ClassifierProperties.Tenant(List.of(), List.of("@acme", "AcmeHelp")),
                "globex", new ClassifierProperties.Tenant(List.of("ab12"), null))));

        assertThat(byTenant.get("acme").handles()).containsExactly("acme", "acmehelp");
        assertThat(byTenant.get("globex").isEmpty()).isTrue();
    }

    @Test
    void aMalformedHandleStopsStartUpNamingTheTenantAndTheHandle() {
        var properties = tenants(
                Map.of("globex", new ClassifierProperties.Tenant(List.of(), List.of("globex", "globex support"))));

        assertThatThrownBy(() -> ClassifierBindings.brandAccountsByTenant(properties))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apath.classifier.tenants.globex.brand-handles")
                .hasMessageContaining("'globex support'");
    }
}
