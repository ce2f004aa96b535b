package io.apath.journey.binding;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code apath.journey.*}: topics, the numbers behind the rules, rule overrides and tenants.
 *
 * @param stateTopic where the latest journey per customer goes (compacted)
 * @param suppressionsTopic where erasures tell ingest to drop an author (compacted)
 * @param deadLetterTopic where input the topology cannot apply goes
 * @param commandsTopic privacy requests from the API to the topology; created at start-up, partitioned like the input
 * @param inputTopic the classified mentions (only read here for its partition count)
 * @param confidenceThreshold below this intent probability a classification is not {@code confident}
 * @param punctuateEvery how often (wall clock) response deadlines and inactivity are checked
 * @param rules overrides of the DESIGN §3 default rules for every tenant (CEL, by rule name)
 * @param tenants per tenant: API keys, brand handles, rule overrides, SLA and business calendar
 */
@ConfigurationProperties("apath.journey")
public record JourneyProperties(
        @DefaultValue("journey-state.v1") String stateTopic,
        @DefaultValue("suppressions.v1") String suppressionsTopic,
        @DefaultValue("mentions-classified.v1.dlq") String deadLetterTopic,
        @DefaultValue("journey-commands.v1") String commandsTopic,
        @DefaultValue("mentions-classified.v1") String inputTopic,
        @DefaultValue("0.6") double confidenceThreshold,
        @DefaultValue("90d") Duration positiveWindow,
        @DefaultValue("180d") Duration decayAfter,
        @DefaultValue("7d") Duration hysteresis,
        @DefaultValue("30d") Duration complaintOpenFor,
        @DefaultValue("50") int historyLimit,
        @DefaultValue("10s") Duration punctuateEvery,
        @DefaultValue("1") int regressionSteps,
        @DefaultValue("4h") Duration responseSla,
        Map<String, String> rules,
        Map<String, Tenant> tenants) {

    public JourneyProperties {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        tenants = tenants == null ? Map.of() : Map.copyOf(tenants);
    }

    /**
     * @param apiKeySha256 hex SHA-256 of each API key that acts for this tenant (the keys themselves are never stored)
     * @param brandHandles the brand's own accounts: their replies answer complaints; they are never customers
     * @param rules overrides of the rules for this tenant only
     * @param regressionSteps how many stages a regression drops (null: the global value)
     * @param responseSla business time to answer a complaint (null: the global value)
     * @param calendar business hours (null: Monday–Friday 09:00–17:00 UTC)
     */
    public record Tenant(
            List<String> apiKeySha256,
            List<String> brandHandles,
            Map<String, String> rules,
            Integer regressionSteps,
            Duration responseSla,
            Calendar calendar) {

        public Tenant {
            apiKeySha256 = apiKeySha256 == null ? List.of() : List.copyOf(apiKeySha256);
            brandHandles = brandHandles == null ? List.of() : List.copyOf(brandHandles);
            rules = rules == null ? Map.of() : Map.copyOf(rules);
        }
    }

    public record Calendar(String zone, LocalTime opens, LocalTime closes, List<DayOfWeek> days) {}
}
