package io.apath.ingest.domain;

import io.apath.contracts.Mention;

/** Puts a mention on {@code mentions.v1}; returns only once the broker has acknowledged it, throws otherwise. */
public interface MentionPublisher {

    void publish(Mention mention);
}
