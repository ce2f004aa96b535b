package io.apath.localkafka;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * The settings and storage format of a single-node KRaft Kafka (node 1, combined broker + controller, loopback), the
 * one A-Path runs for the demo and the tests ({@link InProcessKafkaBroker}) and the fault suite runs in a process of
 * its own: one definition, so both brokers behave alike.
 */
public final class SingleNodeKraft {

    public static final String HOST = "127.0.0.1";

    private SingleNodeKraft() {}

    /**
     * Server properties for node 1.
     *
     * @param listeners every listener but the controller's, {@code NAME://host:port}, PLAINTEXT first
     * @param advertised what each of them advertises, in the same order
     * @param protocols {@code NAME:PLAINTEXT} for each listener but the controller's
     */
    public static Properties settings(
            String logDir,
            int controllerPort,
            List<String> listeners,
            List<String> advertised,
            List<String> protocols) {
        String controller = "CONTROLLER://" + HOST + ":" + controllerPort;
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        props.put("listeners", String.join(",", listeners) + "," + controller);
        props.put("advertised.listeners", String.join(",", advertised));
        props.put("listener.security.protocol.map", String.join(",", protocols) + ",CONTROLLER:PLAINTEXT");
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
        return props;
    }

    /** Formats {@code logDir} for node 1, unless an earlier run did: a restart keeps its cluster id, topics and records. */
    public static void formatOnce(String logDir) {
        if (Files.exists(Path.of(logDir, "meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir))
                    .setMetadataLogDirectory(logDir)
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("cannot format Kafka data dir " + logDir, e);
        }
    }
}
