package io.apath.bench.pipeline;

import io.apath.localkafka.LoopbackPorts;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole A-Path deployment for one measurement, every part its own JVM: the broker, {@code journeys} journey
 * instances, {@code classifiers} classifier instances and (optionally) one ingest. Fresh data directories each time, so
 * runs do not see each other's topics, groups or state.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public record Layout(int journeys, int classifiers, boolean ingest) {
        public static final Layout FULL = new Layout(1, 1, true);
    }

    private final BenchEnvironment env;
    private final Path dir;
    private final JvmProcess broker;
    private final String bootstrap;
    private final List<ServiceInstance> instances = new ArrayList<>();

    private Pipeline(BenchEnvironment env, Path dir, JvmProcess broker, String bootstrap) {
        this.env = env;
        this.dir = dir;
        this.broker = broker;
        this.bootstrap = bootstrap;
    }

    public static Pipeline start(BenchEnvironment env, Layout layout) {
        Pipeline pipeline = startBroker(env);
        try {
            List<ServiceInstance> starting = new ArrayList<>();
            for (int i = 0; i < layout.journeys(); i++) {
                starting.add(pipeline.launch(Service.JOURNEY, i, pipeline.dir.resolve("journey-state-" + i)));
            }
            for (int i = 0; i < layout.classifiers(); i++) {
                starting.add(pipeline.launch(Service.CLASSIFIER, i, null));
            }
            if (layout.ingest()) {
                starting.add(pipeline.launch(Service.INGEST, 0, null));
            }
            for (ServiceInstance instance : starting) {
                awaitReady(instance);
            }
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** Only the broker; services are added with {@link #launch} and {@link #awaitReady}. */
    public static Pipeline startBroker(BenchEnvironment env) {
        Path dir = env.workDir().resolve("run-" + RUNS.incrementAndGet());
        int port = freePort();
        JvmProcess broker = JvmProcess.start(
                "broker",
                List.of(
                        "-Xmx1g",
                        "-cp",
                        env.benchClasspath(),
                        BrokerMain.class.getName(),
                        dir.resolve("kafka").toString(),
                        Integer.toString(port)),
                Map.of(),
                dir.resolve("logs").resolve("broker.log"));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!broker.logTail(50).contains(BrokerMain.READY)) {
            if (!broker.alive() || System.nanoTime() > deadline) {
                String tail = broker.logTail(40);
                broker.close();
                throw new IllegalStateException("broker did not start:\n" + tail);
            }
            pause(200);
        }
        log.info("broker up on 127.0.0.1:{} (pid {})", port, broker.pid());
        return new Pipeline(env, dir, broker, "127.0.0.1:" + port);
    }

    /** Starts one instance (not waiting for it); journey needs its own state directory. */
    public ServiceInstance launch(Service service, int index, Path stateDir) {
        return launch(service, index, stateDir, index);
    }

    /**
     * As {@link #launch(Service, int, Path)}; a journey instance joins its consumer group as static member
     * {@code journey-<member>} (unless {@code --static-membership=false}), as a chart pod joins under its pod name, so
     * a new instance with the member of a stopped one is that pod restarted.
     */
    public ServiceInstance launch(Service service, int index, Path stateDir, int member) {
        String name = service.module() + "-" + index;
        int port = freePort();
        List<String> args = new ArrayList<>(env.serviceJvmOptions(service));
        args.add("-jar");
        args.add(env.jar(service).toString());
        args.add("--spring.main.banner-mode=off");
        if (service == Service.JOURNEY && env.journeyStaticMembership()) {
            args.add("--spring.cloud.stream.kafka.streams.binder.configuration.group.instance.id=journey-" + member);
        }
        args.addAll(env.arguments(service));
        Map<String, String> vars =
                new java.util.HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrap, "PORT", Integer.toString(port)));
        if (stateDir != null) {
            vars.put("JOURNEY_STATE_DIR", stateDir.toString());
        }
        try {
            Files.createDirectories(dir.resolve("jfr"));
            Files.createDirectories(env.workDir().resolve("jfr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JvmProcess process =
                JvmProcess.start(name, args, vars, dir.resolve("logs").resolve(name + ".log"));
        ServiceInstance instance = new ServiceInstance(service, name, process, port, stateDir);
        instances.add(instance);
        return instance;
    }

    /** Waits for {@code /actuator/health/readiness} to answer 200. */
    public static void awaitReady(ServiceInstance instance) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        URI readiness = instance.url().resolve("/actuator/health/readiness");
        while (true) {
            if (!instance.process().alive()) {
                throw new IllegalStateException(instance.name() + " exited during start:\n"
                        + instance.process().logTail(60));
            }
            try {
                HttpResponse<Void> response = HTTP.send(
                        HttpRequest.newBuilder(readiness)
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    log.info(
                            "{} ready on port {} (pid {})",
                            instance.name(),
                            instance.port(),
                            instance.process().pid());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(instance.name() + " not ready within " + READY_TIMEOUT + ":\n"
                        + instance.process().logTail(60));
            }
            pause(250);
        }
    }

    public void stop(ServiceInstance instance) {
        instance.process().close();
        instances.remove(instance);
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Path dir() {
        return dir;
    }

    public JvmProcess broker() {
        return broker;
    }

    public List<ServiceInstance> instances() {
        return List.copyOf(instances);
    }

    public List<ServiceInstance> instances(Service service) {
        return instances.stream().filter(i -> i.service() == service).toList();
    }

    public Optional<ServiceInstance> ingest() {
        return instances(Service.INGEST).stream().findFirst();
    }

    /** Upstream first, broker last. */
    @Override
    public void close() {
        for (Service service : List.of(Service.INGEST, Service.CLASSIFIER, Service.JOURNEY)) {
            instances(service).parallelStream().forEach(i -> i.process().close());
        }
        instances.clear();
        broker.close();
    }

    static int freePort() {
        return LoopbackPorts.free();
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
