package io.apath.bench.load;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a generated load looks like.
 *
 * @param runId makes native ids unique per run, so ingest's idempotency window never sees a bench mention twice
 * @param customers size of the customer population; activity over it follows a Zipf law with {@code zipfExponent}
 * @param zipfExponent around 1: a few customers write a lot, most write once or twice
 * @param tenants brands the mentions belong to, with the share of traffic each gets
 * @param simulatedSpan how far back the {@code createdAt} timestamps reach (they end at {@code end})
 */
public record LoadProfile(
        String runId,
        long seed,
        int customers,
        double zipfExponent,
        List<TenantShare> tenants,
        Duration simulatedSpan,
        Instant end) {

    public record TenantShare(String tenant, double share) {}

    public static final List<TenantShare> DEFAULT_TENANTS = List.of(
            new TenantShare("acme", 0.45),
            new TenantShare("globex", 0.25),
            new TenantShare("initech", 0.2),
            new TenantShare("umbrella", 0.1));

    public static LoadProfile of(String runId, long seed, int customers) {
        return new LoadProfile(runId, seed, customers, 1.05, DEFAULT_TENANTS, Duration.ofDays(8 * 7), Instant.now());
    }

    /** This profile with another Zipf exponent. */
    public LoadProfile withZipfExponent(double exponent) {
        return new LoadProfile(runId, seed, customers, exponent, tenants, simulatedSpan, end);
    }

    public LoadProfile {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1");
        }
        if (runId.contains(":") || runId.isBlank()) {
            throw new IllegalArgumentException("runId must be non-blank and free of ':'");
        }
        tenants = List.copyOf(tenants);
    }
}
