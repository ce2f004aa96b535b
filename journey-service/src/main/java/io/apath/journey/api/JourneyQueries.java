package io.apath.journey.api;

import io.apath.journey.domain.AdvocateLists;
import io.apath.journey.domain.FunnelCounts;
import io.apath.journey.domain.JourneyState;
import io.apath.journey.topology.JourneyTopology;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * Interactive queries over the {@code journeys} store: which instance owns a customer, the local state, and this
 * instance's share of a tenant's funnel. Only active (not standby) local tasks are read, so instances' shares add up.
 */
class JourneyQueries {

    private static final StringSerializer KEYS = new StringSerializer();

    private final InteractiveQueryService queries;

    JourneyQueries(InteractiveQueryService queries) {
        this.queries = queries;
    }

    /** Where the customer lives; empty while Kafka Streams is (re)balancing and nobody owns it. */
    Optional<HostInfo> owner(String customerKey) {
        try {
            return Optional.ofNullable(queries.getHostInfo(JourneyTopology.STORE, customerKey, KEYS));
        } catch (IllegalStateException | InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    boolean isLocal(HostInfo host) {
        return host.equals(queries.getCurrentHostInfo());
    }

    Optional<JourneyState> local(String customerKey) {
        return Optional.ofNullable(store().get(customerKey));
    }

    FunnelCounts localFunnel(String tenant) {
        FunnelCounts counts = FunnelCounts.EMPTY;
        try (KeyValueIterator<String, JourneyState> all = store().prefixScan(tenant + ":", KEYS)) {
            while (all.hasNext()) {
                counts = counts.plus(FunnelCounts.of(all.next().value));
            }
        }
        return counts;
    }

    /** This instance's top {@code limit} customers of a tenant's list (see {@link AdvocateLists}). */
    List<AdvocateLists.Listed> localList(
            String tenant, AdvocateLists.Kind kind, int limit, Instant now, double confidenceThreshold) {
        List<AdvocateLists.Listed> rows = new ArrayList<>();
        try (KeyValueIterator<String, JourneyState> all = store().prefixScan(tenant + ":", KEYS)) {
            while (all.hasNext()) {
                AdvocateLists.select(kind, all.next().value, now, confidenceThreshold)
                        .ifPresent(rows::add);
            }
        }
        return AdvocateLists.top(kind, rows, limit);
    }

    List<HostInfo> otherHosts() {
        HostInfo self = queries.getCurrentHostInfo();
        return queries.getAllHostsInfo(JourneyTopology.STORE).stream()
                .filter(h -> !h.equals(self))
                .toList();
    }

    static URI url(HostInfo host, String path) {
        return URI.create("http://" + host.host() + ":" + host.port() + path);
    }

    private ReadOnlyKeyValueStore<String, JourneyState> store() {
        return queries.getQueryableStore(JourneyTopology.STORE, QueryableStoreTypes.keyValueStore());
    }
}
