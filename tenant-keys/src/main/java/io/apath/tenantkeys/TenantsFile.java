package io.apath.tenantkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads the tenants' secrets from a tenants file: the Spring YAML file ops keep in a Secret and mount at
 * {@code /config/secrets/tenants.yml}, which the services also load as configuration. Only the API key hashes and
 * webhook secrets under {@code <prefix>.tenants} are read; other tenant settings (brand handles, rules) are the
 * services' own and read at start-up. A setting the service does not know is refused: Spring would ignore it, so a
 * misspelt {@code api-key-sha256} would quietly leave the tenant without keys.
 */
public final class TenantsFile {

    private TenantsFile() {}

    /**
     * @param section where the service's tenants are and which settings they may have
     * @return tenant → secrets; empty when the file configures no tenants for this section
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not YAML, its tenants cannot be read as such, or a tenant has a
     *     setting the section does not know
     */
    public static Map<String, TenantKeys.Secrets> read(Path file, TenantsSection section) {
        List<PropertySource<?>> sources;
        try {
            sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tenants file " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("tenants file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
        String prefix = section.prefix();
        Iterable<ConfigurationPropertySource> properties = ConfigurationPropertySources.from(sources);
        refuseUnknownSettings(file, properties, section);
        try {
            return new Binder(properties)
                    .bind(prefix + ".tenants", Bindable.mapOf(String.class, TenantKeys.Secrets.class))
                    .orElse(Map.of());
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException(
                    "tenants file " + file + ": cannot read " + prefix + ".tenants: " + cause.getMessage(), e);
        }
    }

    private static void refuseUnknownSettings(
            Path file, Iterable<ConfigurationPropertySource> properties, TenantsSection section) {
        ConfigurationPropertyName tenants = ConfigurationPropertyName.of(section.prefix() + ".tenants");
        int settingAt = tenants.getNumberOfElements() + 1;
        for (ConfigurationPropertySource source : properties) {
            if (!(source instanceof IterableConfigurationPropertySource iterable)) {
                continue;
            }
            for (ConfigurationPropertyName name : iterable) {
                if (!tenants.isAncestorOf(name)) {
                    continue;
                }
                if (name.getNumberOfElements() <= settingAt) {
                    throw new IllegalArgumentException("tenants file " + file + ": " + name
                            + " is not a tenant with settings; a tenant under " + tenants + " takes "
                            + String.join(", ", section.settings()));
                }
                if (!section.knows(name.getElement(settingAt, Form.UNIFORM))) {
                    throw new IllegalArgumentException("tenants file " + file + ": " + name
                            + " is not a tenant setting (misspelt?); a tenant under " + tenants + " takes "
                            + String.join(", ", section.settings()));
                }
            }
        }
    }
}
