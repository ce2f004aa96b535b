package io.apath.bench.pipeline;

import io.apath.localkafka.InProcessKafkaBroker;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The broker JVM of a bench run: A-Path's in-process KRaft broker (every catalogue topic, 6 partitions) on its own,
 * so its CPU and memory are not mixed with the load generator's. Prints {@value #READY} when it takes clients.
 */
public final class BrokerMain {

    public static final String READY = "BENCH-BROKER-READY";

    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        InProcessKafkaBroker broker = InProcessKafkaBroker.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println(READY + " " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
