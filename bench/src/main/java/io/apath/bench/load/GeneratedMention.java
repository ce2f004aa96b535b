package io.apath.bench.load;

import io.apath.contracts.Mention;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated mention. {@link #submissionJson()} is what a client posts to ingest (no ids, no receivedAt);
 * {@link #asPublished(Instant)} is the {@code mentions.v1} record ingest would have written, for scenarios that skip
 * ingest.
 */
public record GeneratedMention(Mention mention) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String tenant() {
        return mention.tenant();
    }

    public String customerKey() {
        return mention.customerKey().value();
    }

    public Instant createdAt() {
        return mention.createdAt();
    }

    public String submissionJson() {
        ObjectNode node = JSON.valueToTree(mention);
        node.remove("mentionId");
        node.remove("receivedAt");
        node.properties().removeIf(e -> e.getValue().isNull());
        if (node.get("author") instanceof ObjectNode author) {
            author.properties().removeIf(e -> e.getValue().isNull());
        }
        return JSON.writeValueAsString(node);
    }

    public Mention asPublished(Instant receivedAt) {
        Mention m = mention;
        return new Mention(
                m.mentionId(),
                m.tenant(),
                m.platform(),
                m.nativeId(),
                m.kind(),
                m.author(),
                m.text(),
                m.lang(),
                m.url(),
                m.inReplyTo(),
                m.createdAt(),
                receivedAt);
    }

    public static byte[] toJsonBytes(Mention mention) {
        return JSON.writeValueAsBytes(mention);
    }
}
