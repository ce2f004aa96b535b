package io.apath.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** A value set as Helm sees it: the chart's values.yaml with the example file merged over it. */
final class ChartValues {

    private ChartValues() {}

    static JsonNode of(Chart.ValueSet valueSet) {
        try {
            var values = (ObjectNode)
                    Chart.YAML.readTree(Chart.chartDir().resolve("values.yaml").toFile());
            for (var file : valueSet.paths()) {
                merge(values, Chart.YAML.readTree(file.toFile()));
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Secrets the install procedure (deploy/README.md) creates before the chart. */
    static Set<String> externalSecrets(Chart.ValueSet valueSet) {
        var values = of(valueSet);
        var names = new HashSet<String>();
        names.add(values.at("/kafka/security/tls/caSecret").asText());
        names.add(values.at("/ingest/secrets/tenants/existingSecret").asText());
        names.add(values.at("/journey/secrets/tenants/existingSecret").asText());
        names.add(values.at("/classifier/secrets/tenants/existingSecret").asText());
        for (var component : new String[] {"ingest", "classifier", "journey"}) {
            names.add(values.path(component).path("kafkaCredentialsSecret").asText());
        }
        names.remove("");
        return names;
    }

    private static void merge(ObjectNode target, JsonNode overrides) {
        overrides.fields().forEachRemaining(field -> {
            var existing = target.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }
}
