package io.apath.ingest;

import io.apath.tenantkeys.ApiKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API keys and webhook secrets for the local demo and end-to-end tests only: {@code local-stack} passes
 * {@link #arguments()} to ingest and gives {@link #API_KEYS} to whatever posts the samples. Production tenants come
 * from configuration (a Secret), never from here.
 */
public final class DemoTenants {

    /** Tenant → API key for the tenants of {@code samples/mentions.ndjson}. */
    public static final Map<String, String> API_KEYS = Map.of("acme", "demo-key-acme", "globex", "demo-key-globex");

    /** Tenant → webhook secret, for trying the webhook endpoint locally. */
    public static final Map<String, String> WEBHOOK_SECRETS =
            Map.of("acme", "demo-webhook-secret-acme", "globex", "demo-webhook-secret-globex");

    private DemoTenants() {}

    /** Command-line properties that register the demo tenants with ingest. */
    public static String[] arguments() {
        return arguments(API_KEYS, WEBHOOK_SECRETS);
    }

    /**
     * Command-line properties registering {@code apiKeys} (tenant → key, hashed here) and {@code webhookSecrets}
     * (tenant → secret), e.g. for a test's own random tenant.
     */
    public static String[] arguments(Map<String, String> apiKeys, Map<String, String> webhookSecrets) {
        List<String> args = new ArrayList<>();
        new TreeMap<>(apiKeys)
                .forEach((tenant, key) ->
                        args.add("--ingest.tenants." + tenant + ".api-key-sha256[0]=" + ApiKeys.hash(key)));
        new TreeMap<>(webhookSecrets)
                .forEach((tenant, secret) -> args.add("--ingest.tenants." + tenant + ".webhook-secret=" + secret));
        return args.toArray(String[]::new);
    }
}
