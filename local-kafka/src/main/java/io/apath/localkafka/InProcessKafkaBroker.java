package io.apath.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) running inside this JVM from Kafka's own server
 * classes, listening on loopback, storing its log in a directory the caller chooses. A data directory that was already
 * formatted is reused, so a restarted demo keeps its topics and records.
 */
public final class InProcessKafkaBroker implements KafkaEndpoint {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
    private static final String HOST = SingleNodeKraft.HOST;

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private InProcessKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Formats {@code dataDir} if needed, starts the broker and creates every topic of the catalogue.
     *
     * @param port the client port, or 0 for any free port
     */
    public static InProcessKafkaBroker start(Path dataDir, int port) {
        long started = System.nanoTime();
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePort();
        String logDir = dataDir.toAbsolutePath().toString();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Kafka data dir " + logDir, e);
        }

        String client = "PLAINTEXT://" + HOST + ":" + clientPort;
        Properties props = SingleNodeKraft.settings(
                logDir, controllerPort, List.of(client), List.of(client), List.of("PLAINTEXT:PLAINTEXT"));
        // the demo and the tests need no fsync per batch: the OS page cache outlives a stopped JVM
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        SingleNodeKraft.formatOnce(logDir);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        String bootstrap = HOST + ":" + clientPort;
        CatalogueTopics.create(bootstrap);
        log.info(
                "In-process KRaft Kafka broker on {} (data in {}) ready in {} ms",
                bootstrap,
                logDir,
                (System.nanoTime() - started) / 1_000_000);
        return new InProcessKafkaBroker(server, bootstrap);
    }

    private static int freePort() {
        return LoopbackPorts.free();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public String description() {
        return "in-process KRaft broker";
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        log.info("In-process Kafka broker on {} stopped", bootstrapServers);
    }
}
