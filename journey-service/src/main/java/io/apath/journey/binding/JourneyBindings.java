package io.apath.journey.binding;

import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.JourneyEvent;
import io.apath.journey.domain.JourneyPolicy;
import io.apath.journey.topology.JourneySerdes;
import io.apath.journey.topology.JourneyTopology;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.KStream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code mentions-classified.v1} → {@link JourneyTopology} → {@code journey-events.v1} (and {@code journey-state.v1}).
 * The Kafka Streams binder picks the serdes below by their generic types.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JourneyProperties.class)
class JourneyBindings {

    private final JourneySerdes serdes = JourneySerdes.json();

    @Bean
    JourneyPolicy journeyPolicy(JourneyProperties properties) {
        return new JourneyPolicy(properties.confidenceThreshold());
    }

    @Bean
    Function<KStream<String, ClassifiedMention>, KStream<String, JourneyEvent>> advanceJourneys(
            JourneyPolicy policy, JourneyProperties properties) {
        return classified -> JourneyTopology.build(classified, policy, serdes, properties.stateTopic());
    }

    @Bean
    Serde<ClassifiedMention> classifiedMentionSerde() {
        return serdes.classifiedMention();
    }

    @Bean
    Serde<JourneyEvent> journeyEventSerde() {
        return serdes.journeyEvent();
    }
}
