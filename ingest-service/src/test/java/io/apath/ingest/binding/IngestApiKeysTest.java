package io.apath.ingest.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.tenantkeys.ApiKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ingest's API keys refuse, at start-up, a configured tenant that no mention could be accepted for. */
class IngestApiKeysTest {

    @Test
    void aTenantNameMentionRulesRejectIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new IngestBindings().tenantKeys(tenants("Acme Corp")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tenant name 'Acme Corp' is not valid");
    }

    @Test
    void aValidTenantNameGetsItsKeys() {
        assertThat(new IngestBindings().tenantKeys(tenants("acme")).tenantOf("key"))
                .hasValue("acme");
    }

    private static IngestProperties tenants(String tenant) {
        return new IngestProperties(
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                Map.of(tenant, new IngestProperties.Tenant(List.of(ApiKeys.hash("key")), null)),
                null,
                null);
    }
}
