package io.apath.tenantkeys;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a service's tenants sit in the tenants file ({@code <prefix>.tenants.<tenant>.<setting>}) and which settings a
 * tenant there may have. The settings are known so that a misspelt one ({@code api-key-sha265}) is refused instead of
 * silently leaving the tenant without keys.
 *
 * @param prefix the service's configuration prefix, e.g. {@code ingest} or {@code apath.journey}
 * @param settings a tenant's settings, in kebab case, as the file spells them ({@code api-key-sha256})
 */
public record TenantsSection(String prefix, SortedSet<String> settings) {

    public TenantsSection {
        Objects.requireNonNull(prefix, "prefix");
        settings = new TreeSet<>(settings);
    }

    /** The section whose tenants bind to {@code tenant}, one setting per record component. */
    public static TenantsSection of(String prefix, Class<? extends Record> tenant) {
        return new TenantsSection(
                prefix,
                Arrays.stream(tenant.getRecordComponents())
                        .map(component -> kebab(component.getName()))
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** Whether {@code setting}, in Spring's uniform form (lower case, no dashes), is one of this section's. */
    boolean knows(String uniformSetting) {
        return settings.stream().anyMatch(setting -> uniform(setting).equals(uniformSetting));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String uniform(String kebab) {
        return kebab.replace("-", "");
    }
}
