package io.apath.localkafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker + controller) running inside this JVM from Kafka's own server
 * classes, listening on loopback, storing its log in a directory the caller chooses. A data directory that was already
 * formatted is reused, so a restarted demo keeps its topics and records.
 */
public final class InProcessKafkaBroker implements KafkaEndpoint {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);
    private static final String HOST = "127.0.0.1";

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

        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put(
                "listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir);
        // A single node: every internal topic must live with replication factor 1, or transactions and groups stall.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "6");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "6");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", "6");
        props.put("auto.create.topics.enable", "false");
        // Tests and the demo start consumers right away; the default 3 s rebalance delay is pure waiting here.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        KafkaConfig config = KafkaConfig.fromProps(props, false);

        format(logDir);
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

    private static void format(String logDir) {
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return; // formatted by an earlier run: keep its cluster id, topics and records
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(java.util.List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data dir " + logDir, e);
        }
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
