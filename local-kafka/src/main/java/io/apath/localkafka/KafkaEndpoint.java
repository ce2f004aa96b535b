package io.apath.localkafka;

/** A running Kafka broker, wherever it runs: what clients need to reach it. */
public interface KafkaEndpoint extends AutoCloseable {

    String bootstrapServers();

    /** Which kind of broker this is, for logs: "in-process KRaft" or "Testcontainers apache/kafka-native". */
    String description();

    @Override
    void close();
}
