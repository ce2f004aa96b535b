package io.apath.reliability.harness;

import io.apath.localkafka.LoopbackPorts;
import io.apath.reliability.FaultBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.netcrusher.core.reactor.NioReactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole pipeline as ops run it: the broker and each service in a JVM of its own, each service talking to the broker
 * only through its {@link BrokerLink}. Faults are methods: kill a service, stop the broker, cut a link.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** The services, named as their modules and jars. */
    public enum Service {
        INGEST("ingest-service"),
        CLASSIFIER("classifier-service"),
        JOURNEY("journey-service");

        public final String module;

        Service(String module) {
            this.module = module;
        }
    }

    private final Path workDir;
    private final int brokerPort;
    private final JvmProcess broker;
    private final NioReactor reactor;
    private final Map<Service, BrokerLink> links = new EnumMap<>(Service.class);
    private final Map<Service, JvmProcess> services = new EnumMap<>(Service.class);
    private final Map<Service, Integer> httpPorts = new EnumMap<>(Service.class);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Pipeline(Path workDir, Map<Service, List<String>> serviceArgs) throws IOException {
        this.workDir = workDir;
        Path logs = workDir.resolve("logs");
        this.brokerPort = freePort();
        int controllerPort = freePort();
        this.reactor = new NioReactor();
        List<String> brokerCommand = new ArrayList<>(List.of(
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                testClassPath(),
                FaultBroker.class.getName(),
                workDir.resolve("kafka").toString(),
                Integer.toString(brokerPort),
                Integer.toString(controllerPort)));
        for (Service service : Service.values()) {
            int listenerPort = freePort();
            int proxyPort = freePort();
            brokerCommand.add(service.name() + "=" + listenerPort + ":" + proxyPort);
            links.put(service, new BrokerLink(reactor, proxyPort, listenerPort));
            httpPorts.put(service, freePort());
            List<String> command = new ArrayList<>(List.of(
                    "-Xmx384m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-jar",
                    serviceJar(service).toString()));
            command.addAll(serviceArgs.getOrDefault(service, List.of()));
            Map<String, String> env = Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + proxyPort,
                    "PORT", Integer.toString(httpPorts.get(service)),
                    "JOURNEY_STATE_DIR", workDir.resolve("journey-state").toString());
            services.put(service, new JvmProcess(service.module, command, env, logs));
        }
        this.broker = new JvmProcess("broker", brokerCommand, Map.of(), logs);
    }

    /** Starts the broker, then the three services side by side, and waits until each is ready. */
    public static Pipeline start(Path workDir, Map<Service, List<String>> serviceArgs) {
        try {
            Files.createDirectories(workDir);
            Pipeline pipeline = new Pipeline(workDir, serviceArgs);
            pipeline.startBroker();
            for (Service service : Service.values()) {
                pipeline.services.get(service).start();
            }
            CompletableFuture.allOf(List.of(Service.values()).stream()
                            .map(s -> CompletableFuture.runAsync(() -> pipeline.awaitReady(s)))
                            .toArray(CompletableFuture[]::new))
                    .join();
            return pipeline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public URI url(Service service, String path) {
        return URI.create("http://127.0.0.1:" + httpPorts.get(service) + path);
    }

    public Path workDir() {
        return workDir;
    }

    public JvmProcess process(Service service) {
        return services.get(service);
    }

    public JvmProcess broker() {
        return broker;
    }

    public BrokerLink link(Service service) {
        return links.get(service);
    }

    public void startBroker() {
        broker.start();
        broker.awaitReady(() -> broker.logContains(FaultBroker.READY), START_TIMEOUT);
    }

    /** {@code kill -9} of the broker; {@link #startBroker()} brings it back on the same ports and data. */
    public void killBroker() {
        broker.kill();
    }

    public void kill(Service service) {
        services.get(service).kill();
    }

    /** Starts a killed service again and returns how long it took until it answered ready. */
    public Duration restart(Service service) {
        long started = System.nanoTime();
        services.get(service).start();
        awaitReady(service);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Deletes journey's local state (RocksDB stores, checkpoints) while it is down, as when its pod is rescheduled to
     * a node without the old volume: the restarted instance must restore everything from the changelog topics.
     */
    public void wipeJourneyState() {
        if (services.get(Service.JOURNEY).isAlive()) {
            throw new IllegalStateException("journey must be down to lose its disk");
        }
        Path dir = workDir.resolve("journey-state");
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public boolean isReady(Service service) {
        return status(url(service, "/actuator/health/readiness")) == 200;
    }

    private void awaitReady(Service service) {
        services.get(service).awaitReady(() -> isReady(service), START_TIMEOUT);
        log.info("{} ready", service.module);
    }

    public int status(URI uri) {
        try {
            return http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        services.values().forEach(JvmProcess::stop);
        broker.stop();
        links.values().forEach(BrokerLink::close);
        reactor.close();
    }

    static Path serviceJar(Service service) {
        Path jar = Path.of(System.getProperty("reliability.services", "target/services"), service.module + ".jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: the suite runs the services' boot jars; build with ./mvnw -B verify");
        }
        return jar;
    }

    /** Surefire/failsafe may hand the test JVM a manifest-only jar; it publishes the real class path separately. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    static int freePort() {
        return LoopbackPorts.free();
    }
}
