package io.apath.ingest.domain;

import io.apath.contracts.Mention;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a mention on {@code mentions.v1}. The future completes once the broker acknowledged it (acks=all) and fails
 * otherwise; it never completes "successfully" for a record the broker did not take.
 */
public interface MentionPublisher {

    CompletableFuture<Void> publish(Mention mention);
}
