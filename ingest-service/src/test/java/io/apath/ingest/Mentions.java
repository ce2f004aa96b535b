package io.apath.ingest;

import io.apath.contracts.Mention;
import io.apath.localkafka.TopicToEnd;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/** Test data mother for mention JSON, and a reader of what reached {@code mentions.v1}. */
final class Mentions {

    static final JsonMapper JSON = new JsonMapper();

    private Mentions() {}

    static String tenant(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String json(String nativeId, String authorId, String text) {
        return json(null, nativeId, authorId, text);
    }

    static String json(String tenant, String nativeId, String authorId, String text) {
        return "{" + (tenant == null ? "" : "\"tenant\":\"" + tenant + "\",")
                + "\"platform\":\"mastodon\",\"nativeId\":\"" + nativeId + "\",\"kind\":\"POST\","
                + "\"author\":{\"id\":\"" + authorId + "\",\"handle\":\"@" + authorId + "\",\"followers\":12},"
                + "\"text\":\"" + text + "\",\"lang\":\"en\",\"createdAt\":\"2026-10-01T09:00:00Z\"}";
    }

    /** Every mention of {@code tenant} on the topic, in offset order per partition. */
    static List<Mention> published(String bootstrapServers, String tenant) {
        List<Mention> found = new ArrayList<>();
        TopicToEnd.read(bootstrapServers, "mentions.v1", record -> {
            if (record.key() != null && record.key().startsWith(tenant + ":")) {
                found.add(JSON.readValue(record.value(), Mention.class));
            }
        });
        return found;
    }
}
