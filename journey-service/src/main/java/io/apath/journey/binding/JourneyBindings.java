package io.apath.journey.binding;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.JourneyEvent;
import io.apath.journey.domain.JourneyInput;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.topology.JourneyObserver;
import io.apath.journey.topology.JourneySerdes;
import io.apath.journey.topology.JourneyTopics;
import io.apath.journey.topology.JourneyTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code mentions-classified.v1} + {@code journey-commands.v1} → {@link JourneyTopology} → {@code journey-events.v1}
 * (and {@code journey-state.v1}, {@code suppressions.v1}). The Kafka Streams binder picks the serdes below by their
 * generic types.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyProperties.class)
class JourneyBindings {

    private final JourneySerdes serdes = JourneySerdes.create();

    /** Compiles every rule: an invalid one fails start-up here, naming the rule. */
    @Bean
    JourneyPolicy journeyPolicy(JourneyProperties properties) {
        return JourneyPolicies.from(properties);
    }

    @Bean
    JourneyObserver journeyObserver(MeterRegistry registry) {
        return new MicrometerJourneyObserver(registry);
    }

    /**
     * The settings of the clients journey builds itself (commands topic admin, commands producer), from the
     * configuration the binder gives Kafka Streams, so they connect as Streams does (SASL/TLS included).
     */
    @Bean
    KafkaClientSettings journeyKafkaClients(
            @Qualifier(KafkaClientSettings.BINDER_STREAMS_CONFIGURATION) Object streamsConfiguration) {
        return new KafkaClientSettings((Map<?, ?>) streamsConfiguration);
    }

    @Bean
    BiFunction<KStream<String, ClassifiedMention>, KStream<String, JourneyInput>, KStream<String, JourneyEvent>>
            advanceJourneys(
                    JourneyPolicy policy,
                    JourneyProperties properties,
                    JourneyObserver observer,
                    KafkaClientSettings clients) {
        CommandsTopic.ensure(clients, properties.commandsTopic(), properties.inputTopic());
        JourneyTopics topics = new JourneyTopics(
                properties.stateTopic(),
                properties.suppressionsTopic(),
                properties.deadLetterTopic(),
                properties.commandsTopic());
        return (classified, commands) -> JourneyTopology.build(
                classified, commands, policy, serdes, topics, properties.punctuateEvery(), observer);
    }

    @Bean(destroyMethod = "close")
    KafkaJourneyCommands journeyCommands(JourneyProperties properties, KafkaClientSettings clients) {
        return new KafkaJourneyCommands(clients, properties.commandsTopic(), serdes.journeyInput());
    }

    @Bean
    JourneySerdes journeySerdes() {
        return serdes;
    }

    @Bean
    Serde<ClassifiedMention> classifiedMentionSerde() {
        return serdes.classifiedMention();
    }

    @Bean
    Serde<JourneyInput> journeyInputSerde() {
        return serdes.journeyInput();
    }

    @Bean
    Serde<JourneyEvent> journeyEventSerde() {
        return serdes.journeyEvent();
    }
}
