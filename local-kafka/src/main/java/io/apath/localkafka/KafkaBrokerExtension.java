package io.apath.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives tests a real Kafka broker with every catalogue topic: Testcontainers ({@code apache/kafka-native}) when a
 * Docker engine answers, otherwise the in-process KRaft broker. One broker per test JVM, shared by all test classes
 * and stopped when the JVM's tests are done. Inject it as a {@link KafkaEndpoint} parameter; its address is also set
 * as the system property {@value #BOOTSTRAP_PROPERTY}.
 *
 * <p>Force a choice with {@code -Dapath.test.kafka=in-process} or {@code =testcontainers}.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, ParameterResolver {

    public static final String BOOTSTRAP_PROPERTY = "apath.test.kafka.bootstrap-servers";

    private static final Logger log = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaEndpoint.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    private static KafkaEndpoint broker(ExtensionContext context) {
        SharedBroker shared = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedBroker.class, key -> new SharedBroker(startBroker()), SharedBroker.class);
        return shared.endpoint;
    }

    private static KafkaEndpoint startBroker() {
        String choice = System.getProperty("apath.test.kafka", "auto").toLowerCase(Locale.ROOT);
        KafkaEndpoint endpoint;
        if (choice.equals("testcontainers") || (choice.equals("auto") && ContainerKafkaBroker.dockerAvailable())) {
            endpoint = ContainerKafkaBroker.start();
        } else {
            endpoint = InProcessKafkaBroker.start(tempDir(), 0);
        }
        log.info("Tests use Kafka from {} at {}", endpoint.description(), endpoint.bootstrapServers());
        System.setProperty(BOOTSTRAP_PROPERTY, endpoint.bootstrapServers());
        return endpoint;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("apath-kafka-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit when the root context closes, i.e. after the last test of this JVM. */
    private record SharedBroker(KafkaEndpoint endpoint) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            endpoint.close();
        }
    }
}
