package io.apath.classifier.binding;

import io.apath.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The reviewers' corrections as {@code train --corrections} reads them: {@code label-corrections.v1} from its start to
 * its end at the time of the call, reduced as compaction would reduce it (the latest correction of each post, keyed
 * {@code tenant:id}; a tombstone removes the post), optionally one tenant's only, one JSON value per line in the
 * labelling guideline's shape. A plain dump of the topic could hold a post twice (compaction runs late) and mixes
 * every brand's corrections; a brand tunes its own model with its own.
 * The read disturbs no one ({@link TopicSnapshot}).
 */
public final class CorrectionsDump {

    private CorrectionsDump() {}

    /**
     * @param client Kafka client settings: at least {@code bootstrap.servers}, plus security settings for a real
     *     cluster
     * @param tenant only this tenant's corrections, or null for every tenant's
     * @return how many corrections were written
     */
    public static int write(Properties client, String topic, String tenant, Writer out) {
        Map<String, String> latest = read(client, topic);
        int written = 0;
        try {
            for (Map.Entry<String, String> correction : latest.entrySet()) {
                if (tenant == null || correction.getKey().startsWith(tenant + ":")) {
                    out.write(correction.getValue());
                    out.write('\n');
                    written++;
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** The default topic: the catalogue's. */
    public static String defaultTopic() {
        return Topics.LABEL_CORRECTIONS.name();
    }

    /** Key → latest value, in the order read. */
    static Map<String, String> read(Properties client, String topic) {
        Map<String, String> latest = new LinkedHashMap<>();
        TopicSnapshot.read(client, topic, null, r -> {
            if (r.key() == null) {
                return; // not a correction: every one is keyed tenant:id
            }
            // a re-correction counts once, with its newest labels; a tombstone withdraws the post
            latest.remove(r.key());
            if (r.value() != null) {
                latest.put(r.key(), new String(r.value(), StandardCharsets.UTF_8));
            }
        });
        return latest;
    }
}
