package io.apath.classifier.binding;

import io.apath.classifier.domain.Classifier;
import io.apath.classifier.domain.KeywordBaselineClassifier;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Mention;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/** {@code mentions.v1} → classify → {@code mentions-classified.v1}, keyed by customer like its input. */
@Configuration(proxyBeanMethods = false)
class ClassifierBindings {

    @Bean
    Classifier classifier() {
        return new KeywordBaselineClassifier();
    }

    @Bean
    Function<Mention, Message<ClassifiedMention>> classify(Classifier classifier) {
        return mention -> keyedByCustomer(classifier.classify(mention));
    }

    private static Message<ClassifiedMention> keyedByCustomer(ClassifiedMention classified) {
        return MessageBuilder.withPayload(classified)
                .setHeader(KafkaHeaders.KEY, classified.mention().customerKey().value())
                .build();
    }
}
