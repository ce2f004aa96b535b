package io.apath.reliability;

import io.apath.localkafka.CatalogueTopics;
import io.apath.localkafka.SingleNodeKraft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * The broker of the fault suite, in a JVM of its own so it can be killed and restarted: a real single-node KRaft Kafka
 * (the same server classes as {@code InProcessKafkaBroker}, and its settings from {@code SingleNodeKraft}) that runs until the process ends.
 *
 * <p>Besides its own listener it opens one listener per service ({@code NAME=port:advertisedPort}) that advertises
 * the address of that service's TCP proxy. A Kafka client connects to whatever the metadata advertises, so only this
 * way does every byte between one service and the broker cross that service's proxy, where the suite cuts the network.
 *
 * <p>Usage: {@code FaultBroker <dataDir> <clientPort> <controllerPort> [NAME=port:advertisedPort ...]}. Prints
 * {@value #READY} once the catalogue topics exist. Restarting with the same arguments reuses the data.
 */
public final class FaultBroker {

    public static final String READY = "FAULT-BROKER-READY";
    private static final String HOST = SingleNodeKraft.HOST;

    private FaultBroker() {}

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        int clientPort = Integer.parseInt(args[1]);
        int controllerPort = Integer.parseInt(args[2]);
        List<String> listeners = new ArrayList<>(List.of("PLAINTEXT://" + HOST + ":" + clientPort));
        List<String> advertised = new ArrayList<>(List.of("PLAINTEXT://" + HOST + ":" + clientPort));
        List<String> protocols = new ArrayList<>(List.of("PLAINTEXT:PLAINTEXT"));
        for (int i = 3; i < args.length; i++) {
            String name = args[i].substring(0, args[i].indexOf('='));
            String[] ports = args[i].substring(name.length() + 1).split(":");
            listeners.add(name + "://" + HOST + ":" + ports[0]);
            advertised.add(name + "://" + HOST + ":" + ports[1]);
            protocols.add(name + ":PLAINTEXT");
        }
        Properties props =
                SingleNodeKraft.settings(dataDir.toString(), controllerPort, listeners, advertised, protocols);

        Files.createDirectories(dataDir);
        SingleNodeKraft.formatOnce(dataDir.toString());
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM (a clean broker stop) shuts the server down properly; SIGKILL is the suite's other way to stop it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
            stopped.countDown();
        }));
        try {
            server.startup();
            CatalogueTopics.create(HOST + ":" + clientPort);
        } catch (Throwable e) {
            // Kafka's own threads would keep a broker that failed to start alive, and the suite waiting for it
            e.printStackTrace();
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }
        System.out.println(READY);
        System.out.flush();
        stopped.await();
    }
}
