package io.apath.classifier.binding;

import io.apath.classifier.domain.Classifier;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Mention;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.kafka.support.KafkaIntegrationHeaders;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;

/**
 * One polled batch of {@code mentions.v1} records (raw bytes) → classified mentions keyed by customer. Each record is
 * decoded and classified on its own, so one poison record (bad JSON, a missing required field, a classifier failure)
 * goes to the dead-letter topic with error headers and the rest of the batch still flows.
 *
 * <p>Durability: the batch's last output carries {@code kafka_flush}, so the Kafka producer handler flushes after
 * sending it, in the listener thread, before the container commits the batch's offsets. A {@code kill -9} can then
 * only re-deliver a batch (journey deduplicates by {@code mentionId}), never commit past an unsent classified mention,
 * while the batch's records are still sent asynchronously together (one flush per poll, not one round trip per record).
 */
final class MentionBatch {

    private static final Logger log = LoggerFactory.getLogger(MentionBatch.class);
    private static final String JSON = "application/json";

    private final Classifier classifier;
    // bound once: ObjectMapper.readValue / writeValueAsBytes look the (de)serializer up again on every call
    private final ObjectReader mentionReader;
    private final ObjectWriter classifiedWriter;
    private final DeadLetters deadLetters;
    private final ClassifierMetrics metrics;
    private final Set<String> tenantsWithBrandAccounts;
    private final Set<String> warnedTenants = ConcurrentHashMap.newKeySet();

    /** {@code tenantsWithBrandAccounts}: the tenants whose own accounts are configured (the others are warned about). */
    MentionBatch(
            Classifier classifier,
            ObjectMapper json,
            DeadLetters deadLetters,
            ClassifierMetrics metrics,
            Set<String> tenantsWithBrandAccounts) {
        this.classifier = classifier;
        this.mentionReader = json.readerFor(Mention.class);
        this.classifiedWriter = json.writerFor(ClassifiedMention.class);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.tenantsWithBrandAccounts = Set.copyOf(tenantsWithBrandAccounts);
    }

    List<Message<byte[]>> classify(Message<List<byte[]>> batch) {
        List<byte[]> records = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<Message<byte[]>> out = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            byte[] record = records.get(i);
            try {
                Mention mention = mentionReader.readValue(record);
                warnOnceIfWithoutBrandAccounts(mention.tenant());
                long start = System.nanoTime();
                ClassifiedMention classified = classifier.classify(mention);
                metrics.classified(classified, System.nanoTime() - start);
                // encoded here, with the service's mapper, and sent as is (use-native-encoding): the binder's
                // message converter cost a fifth of the listener thread (profiled)
                out.add(MessageBuilder.withPayload(classifiedWriter.writeValueAsBytes(classified))
                        .setHeader(
                                KafkaHeaders.KEY,
                                classified.mention().customerKey().value())
                        .setHeader(MessageHeaders.CONTENT_TYPE, JSON)
                        .build());
            } catch (RuntimeException e) {
                deadLetters.send(
                        record,
                        originalHeaders(headers, i),
                        at(headers, KafkaHeaders.RECEIVED_KEY, i),
                        at(headers, KafkaHeaders.RECEIVED_TOPIC, i),
                        at(headers, KafkaHeaders.RECEIVED_PARTITION, i),
                        at(headers, KafkaHeaders.OFFSET, i),
                        e);
                metrics.deadLettered(e);
            }
        }
        if (!out.isEmpty()) {
            int last = out.size() - 1;
            out.set(
                    last,
                    MessageBuilder.fromMessage(out.get(last))
                            .setHeader(KafkaIntegrationHeaders.FLUSH, Boolean.TRUE)
                            .build());
        }
        return out;
    }

    /**
     * Once per tenant (ingest admits only configured tenants, so the set stays small): without the tenant's own
     * accounts, the handle a post opens with is taken for the brand's, a guess that misreads replies between people
     * and posts that name the brand later.
     */
    private void warnOnceIfWithoutBrandAccounts(String tenant) {
        if (!tenantsWithBrandAccounts.contains(tenant) && warnedTenants.add(tenant)) {
            log.warn(
                    "tenant {} has no brand-handles: the handle a post opens with is taken for the brand's account,"
                            + " which misreads replies between people; set apath.classifier.tenants.{}.brand-handles",
                    tenant,
                    tenant);
        }
    }

    /** The record's own Kafka headers, as the binder's header mapper converted them for the batch. */
    private static Map<String, Object> originalHeaders(MessageHeaders headers, int index) {
        if (headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> perRecord
                && index < perRecord.size()
                && perRecord.get(index) instanceof Map<?, ?> converted) {
            Map<String, Object> original = new java.util.LinkedHashMap<>();
            converted.forEach((name, value) -> original.put(String.valueOf(name), value));
            return original;
        }
        return Map.of();
    }

    /** Batch headers are lists parallel to the payload list (a single value when the binder gave one). */
    private static Object at(MessageHeaders headers, String name, int index) {
        Object value = headers.get(name);
        if (value instanceof List<?> list) {
            value = index < list.size() ? list.get(index) : null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value;
    }
}
