package io.apath.tenantkeys;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tenants' secrets a service checks requests against: API keys (by their hashes, see {@link ApiKeys}) and, for
 * ingest, webhook secrets. {@link #replace} swaps them all at once, so a rotated tenants file takes effect without a
 * restart; a request sees either the old set or the new one, never a mix.
 */
public final class TenantKeys {

    /**
     * One tenant's secrets, as a tenants file configures them.
     *
     * @param apiKeySha256 hex SHA-256 hashes of the tenant's API keys (several, so keys can be rotated)
     * @param webhookSecret the secret webhook senders sign with, or null (ingest only)
     */
    public record Secrets(List<String> apiKeySha256, String webhookSecret) {
        public Secrets {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
        }
    }

    private record Snapshot(ApiKeys apiKeys, Map<String, String> webhookSecrets, int tenants) {}

    private final Predicate<String> isTenantName;
    private volatile Snapshot current;

    /**
     * @param tenants tenant → its secrets
     * @param isTenantName the service's rule for tenant names; a configured tenant it rejects is a configuration
     *     error
     * @throws IllegalArgumentException on a tenant name or key hash that is not valid
     */
    public TenantKeys(Map<String, Secrets> tenants, Predicate<String> isTenantName) {
        this.isTenantName = Objects.requireNonNull(isTenantName, "isTenantName");
        this.current = snapshot(tenants);
    }

    /** Tenants with any name the caller accepts. */
    public TenantKeys(Map<String, Secrets> tenants) {
        this(tenants, tenant -> true);
    }

    /**
     * Replaces every tenant's secrets. An invalid set is refused whole and the current one stays.
     *
     * @throws IllegalArgumentException on a tenant name or key hash that is not valid
     */
    public void replace(Map<String, Secrets> tenants) {
        current = snapshot(tenants);
    }

    /** The tenant whose API key this is, if any. */
    public Optional<String> tenantOf(String presentedKey) {
        return current.apiKeys().tenantOf(presentedKey);
    }

    /** The tenant's webhook secret, empty when it has none or is not configured. */
    public Optional<String> webhookSecret(String tenant) {
        String secret = tenant == null ? null : current.webhookSecrets().get(tenant);
        return secret == null || secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    }

    /** True when no API key is configured, so every key is refused. */
    public boolean isEmpty() {
        return current.apiKeys().isEmpty();
    }

    /** What is in force, for logs: counts only, never a key or secret. */
    public String summary() {
        Snapshot now = current;
        return now.tenants() + " tenants, " + now.apiKeys().size() + " API key hashes, "
                + now.webhookSecrets().size() + " webhook secrets";
    }

    private Snapshot snapshot(Map<String, Secrets> tenants) {
        Map<String, List<String>> hashes = new HashMap<>();
        Map<String, String> webhookSecrets = new HashMap<>();
        tenants.forEach((tenant, secrets) -> {
            hashes.put(tenant, secrets.apiKeySha256());
            if (secrets.webhookSecret() != null) {
                webhookSecrets.put(tenant, secrets.webhookSecret());
            }
        });
        return new Snapshot(new ApiKeys(hashes, isTenantName), Map.copyOf(webhookSecrets), tenants.size());
    }
}
