package io.apath.localstack;

import io.apath.contracts.CustomerJourney;
import io.apath.contracts.RelationshipStyle;
import io.apath.contracts.Stage;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Customers per stage per tenant, as the demo prints them. */
public final class StageCounts {

    private final Map<String, Map<Stage, Integer>> byTenant = new TreeMap<>();
    private final Map<String, Integer> transactional = new TreeMap<>();

    public StageCounts(Collection<CustomerJourney> journeys) {
        for (CustomerJourney journey : journeys) {
            if (journey.stage() == null) {
                continue;
            }
            byTenant.computeIfAbsent(journey.tenant(), t -> new EnumMap<>(Stage.class))
                    .merge(journey.stage(), 1, Integer::sum);
            if (journey.style() == RelationshipStyle.TRANSACTIONAL) {
                transactional.merge(journey.tenant(), 1, Integer::sum);
            }
        }
    }

    public int count(String tenant, Stage stage) {
        return byTenant.getOrDefault(tenant, Map.of()).getOrDefault(stage, 0);
    }

    public String render() {
        StringBuilder out = new StringBuilder(String.format("%-10s", "tenant"));
        for (Stage stage : Stage.values()) {
            out.append(String.format("%12s", stage));
        }
        out.append(String.format("%15s%n", "TRANSACTIONAL"));
        byTenant.forEach((tenant, counts) -> {
            out.append(String.format("%-10s", tenant));
            for (Stage stage : Stage.values()) {
                out.append(String.format("%12d", counts.getOrDefault(stage, 0)));
            }
            out.append(String.format("%15d%n", transactional.getOrDefault(tenant, 0)));
        });
        return out.toString();
    }
}
