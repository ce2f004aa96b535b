package io.apath.ingest.binding;

import io.apath.ingest.domain.MentionIntake;
import java.time.Clock;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** HTTP submissions → {@link MentionIntake} → {@code mentions-out-0} → {@code mentions.v1}. */
@Configuration(proxyBeanMethods = false)
class IngestBindings {

    @Bean
    MentionIntake mentionIntake(StreamBridge streamBridge) {
        return new MentionIntake(new StreamBridgeMentionPublisher(streamBridge), Clock.systemUTC());
    }
}
