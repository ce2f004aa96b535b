package io.apath.classifier.binding;

import io.apath.classifier.domain.ReviewPolicy;
import io.apath.classifier.domain.ReviewQueue;
import io.apath.classifier.domain.ReviewQueue.Candidate;
import io.apath.classifier.domain.ReviewQueue.Order;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code review-queue}: a tenant's {@link ReviewQueue} read from the cluster. The corrections topic says which posts
 * are already corrected, the suppressions topic whose posts must not be handed out (an erased author's text stays on
 * {@code mentions-classified.v1} until retention removes it), and the classified mentions since a time are offered to
 * the queue. Written one JSON value per line in the shape {@code POST /v1/corrections} takes, with {@code labels}
 * left empty for the reviewer (the endpoint refuses it as it is, so an unread line cannot be posted by mistake) and
 * the model's reading beside it under {@code model} ({@code closestCall}: the intent it could least decide).
 */
public final class ReviewQueueExport {

    /** What a run read and kept. */
    public record Summary(int written, long read, long unreadable, int corrected, int suppressed) {}

    /**
     * Which posts to pick.
     *
     * @param brandAccounts the brand's own accounts, whose replies are left out
     * @param since the earliest classified mention considered, by record time
     * @param limit how many posts at most
     * @param order the queue's order; {@code seed} is {@link Order#RANDOM}'s
     */
    public record Selection(
            String tenant, Collection<String> brandAccounts, Instant since, int limit, Order order, long seed) {}

    /** The topics it reads. */
    public record TopicNames(String classified, String corrections, String suppressions) {

        public static TopicNames defaults() {
            return new TopicNames(
                    Topics.MENTIONS_CLASSIFIED.name(), Topics.LABEL_CORRECTIONS.name(), Topics.SUPPRESSIONS.name());
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectReader CLASSIFIED = JSON.readerFor(ClassifiedMention.class);
    /** How many of the model's most probable intents a line shows. */
    static final int SHOWN_INTENTS = 3;

    private ReviewQueueExport() {}

    public static Summary write(Properties client, TopicNames topics, Selection selection, Writer out) {
        String tenant = selection.tenant();
        Instant since = selection.since();
        String ownKeys = tenant + ":";
        Set<String> corrected = new HashSet<>();
        CorrectionsDump.read(client, topics.corrections()).keySet().stream()
                .filter(key -> key.startsWith(ownKeys))
                .forEach(key -> corrected.add(key.substring(ownKeys.length())));
        Set<String> suppressed = new HashSet<>();
        TopicSnapshot.read(client, topics.suppressions(), null, r -> {
            if (r.key() != null && r.key().startsWith(ownKeys)) {
                if (r.value() == null) {
                    suppressed.remove(r.key()); // a tombstone lifts the suppression
                } else {
                    suppressed.add(r.key());
                }
            }
        });
        ReviewQueue queue = new ReviewQueue(
                tenant,
                selection.limit(),
                selection.order(),
                selection.seed(),
                corrected::contains,
                suppressed::contains,
                selection.brandAccounts(),
                ReviewPolicy.defaults());
        long[] read = {0, 0};
        TopicSnapshot.read(client, topics.classified(), since, r -> {
            // keyed by customer key, tenant first: another tenant's records are passed over unread
            if (r.value() == null || r.key() == null || !r.key().startsWith(ownKeys)) {
                return;
            }
            // the read starts at the first record of the window; a later one can still carry an older time
            if (r.timestamp() < since.toEpochMilli()) {
                return;
            }
            read[0]++;
            try {
                queue.offer(CLASSIFIED.readValue(r.value()));
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                read[1]++; // a record the journey service would dead-letter too; not this tool's to repair
            }
        });
        List<Candidate> candidates = queue.candidates();
        try {
            for (Candidate candidate : candidates) {
                out.write(JSON.writeValueAsString(line(candidate)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(candidates.size(), read[0], read[1], corrected.size(), suppressed.size());
    }

    /** One candidate as a line of the queue. */
    public static ObjectNode line(Candidate candidate) {
        ClassifiedMention c = candidate.classified();
        ObjectNode line = JSON.createObjectNode();
        line.put("id", candidate.id());
        line.put("text", c.mention().text());
        line.putArray("labels");
        line.putNull("sentiment");
        line.putNull("reviewer");
        ObjectNode model = line.putObject("model");
        ObjectNode intents = model.putObject("intents");
        c.intents().entrySet().stream()
                .sorted(Map.Entry.<Intent, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(SHOWN_INTENTS)
                .forEach(e -> intents.put(e.getKey().name(), Math.round(e.getValue() * 1000) / 1000.0));
        model.put("primaryIntent", c.primaryIntent().name());
        ObjectNode closest = model.putObject("closestCall");
        closest.put("intent", candidate.closestCall().name());
        closest.put("probability", Math.round(c.intents().get(candidate.closestCall()) * 1000) / 1000.0);
        model.put(
                "sentiment",
                c.sentiment() == null ? null : c.sentiment().label().name().toLowerCase(Locale.ROOT));
        model.put("language", c.language());
        model.put("modelVersion", c.modelVersion());
        line.put("platform", c.mention().platform());
        line.put("createdAt", c.mention().createdAt().toString());
        if (c.mention().url() != null) {
            line.put("url", c.mention().url());
        }
        return line;
    }
}
