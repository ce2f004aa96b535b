package io.apath.tenantkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads the tenants' secrets from a tenants file: the Spring YAML file ops keep in a Secret and mount at
 * {@code /config/secrets/tenants.yml}, which the services also load as configuration. Only the API key hashes and
 * webhook secrets under {@code <prefix>.tenants} are read; other tenant settings (brand handles, rules) are the
 * services' own and read at start-up.
 */
public final class TenantsFile {

    private TenantsFile() {}

    /**
     * @param prefix the service's configuration prefix, e.g. {@code ingest} or {@code apath.journey}
     * @return tenant → secrets; empty when the file configures no tenants for this prefix
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not YAML or its tenants cannot be read as such
     */
    public static Map<String, TenantKeys.Secrets> read(Path file, String prefix) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tenants file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tenants file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        try {
            return new Binder(ConfigurationPropertySources.from(sources))
                    .bind(prefix + ".tenants", Bindable.mapOf(String.class, TenantKeys.Secrets.class))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(
                    "tenants file " + file + ": cannot read " + prefix + ".tenants: " + cause.getMessage(), e);
        }
    }
}
