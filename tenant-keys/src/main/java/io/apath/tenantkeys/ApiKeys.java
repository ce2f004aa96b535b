package io.apath.tenantkeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Maps API keys to tenants knowing only the keys' SHA-256 hashes. A presented key is hashed and compared with every
 * configured hash in constant time, so neither the comparison nor the position of a match leaks through timing. No
 * hashes configured: every key is refused.
 */
public final class ApiKeys {

    private record Entry(byte[] hash, String tenant) {}

    private final List<Entry> entries;

    /** @param hashesByTenant tenant → hex SHA-256 hashes of its keys (several, so keys can be rotated) */
    public ApiKeys(Map<String, List<String>> hashesByTenant) {
        this(hashesByTenant, tenant -> true);
    }

    /**
     * @param hashesByTenant tenant → hex SHA-256 hashes of its keys (several, so keys can be rotated)
     * @param isTenantName the service's rule for tenant names; a configured tenant it rejects is a configuration
     *     error, refused here at start-up
     */
    public ApiKeys(Map<String, List<String>> hashesByTenant, Predicate<String> isTenantName) {
        Objects.requireNonNull(isTenantName, "isTenantName");
        List<Entry> all = new ArrayList<>();
        hashesByTenant.forEach((tenant, hashes) -> {
            if (!isTenantName.test(tenant)) {
                throw new IllegalArgumentException("tenant name '" + tenant + "' is not valid");
            }
            for (String hex : hashes) {
                byte[] hash = HexFormat.of().parseHex(hex.trim().toLowerCase(Locale.ROOT));
                if (hash.length != 32) {
                    throw new IllegalArgumentException("API key hash of tenant " + tenant + " is not SHA-256");
                }
                all.add(new Entry(hash, tenant));
            }
        });
        this.entries = List.copyOf(all);
    }

    public Optional<String> tenantOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        String tenant = null;
        for (Entry entry : entries) {
            // No early exit: every request costs the same whether and where it matches.
            if (MessageDigest.isEqual(entry.hash(), presented) && tenant == null) {
                tenant = entry.tenant();
            }
        }
        return Optional.ofNullable(tenant);
    }

    /** How many key hashes are configured. */
    public int size() {
        return entries.size();
    }

    /** True when no key hash is configured, so every key is refused. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The value to configure for a key: lower-case hex SHA-256 of its UTF-8 bytes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
