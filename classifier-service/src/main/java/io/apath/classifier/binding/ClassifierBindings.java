package io.apath.classifier.binding;

import io.apath.classifier.domain.Classifier;
import io.apath.classifier.domain.LanguageIdentifier;
import io.apath.classifier.domain.ReviewPolicy;
import io.apath.classifier.domain.TrainedClassifier;
import io.apath.classifier.encoder.BgeSmallEncoder;
import io.apath.classifier.model.BrandAccounts;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.SecondOpinion;
import io.apath.classifier.model.StackedHeads;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.messaging.Message;
import tools.jackson.databind.ObjectMapper;

/** {@code mentions.v1} (batches of raw records) → classify → {@code mentions-classified.v1} keyed by customer; poison → DLQ. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassifierProperties.class)
class ClassifierBindings {

    @Bean
    IntentModel intentModel(ClassifierProperties properties, ResourceLoader resources) {
        try (InputStream in = resources.getResource(properties.model()).getInputStream()) {
            return IntentModel.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load classifier model " + properties.model(), e);
        }
    }

    /** Present only with {@code apath.classifier.second-opinion.enabled=true}: loading ONNX Runtime costs ~150 MB. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBooleanProperty("apath.classifier.second-opinion.enabled")
    BgeSmallEncoder sentenceEncoder(ClassifierProperties properties) {
        return new BgeSmallEncoder(properties.secondOpinion().threads());
    }

    @Bean
    @ConditionalOnBooleanProperty("apath.classifier.second-opinion.enabled")
    SecondOpinion secondOpinion(
            IntentModel model, BgeSmallEncoder encoder, ClassifierProperties properties, ResourceLoader resources) {
        ClassifierProperties.SecondOpinion settings = properties.secondOpinion();
        StackedHeads heads;
        try (InputStream in = resources.getResource(settings.heads()).getInputStream()) {
            heads = StackedHeads.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load second-opinion heads " + settings.heads(), e);
        }
        if (!heads.baseModelVersion().equals(model.version())) {
            throw new IllegalStateException("second-opinion heads " + settings.heads() + " (" + heads.version()
                    + ") were trained beside model " + heads.baseModelVersion() + ", but the model in use is "
                    + model.version() + ": retrain both with `train --second-opinion on`, or disable the second"
                    + " opinion");
        }
        return new SecondOpinion(heads, encoder, settings.belowConfidence(), settings.withinMargin());
    }

    @Bean
    Classifier classifier(
            IntentModel model, ClassifierProperties properties, ObjectProvider<SecondOpinion> secondOpinion) {
        ClassifierProperties.Languages languages = properties.languages();
        return new TrainedClassifier(
                model,
                new LanguageIdentifier(languages.detect(), languages.minProbability()),
                new ReviewPolicy(
                        properties.review().minConfidence(),
                        properties.review().minMargin(),
                        new HashSet<>(languages.trained())),
                secondOpinion.getIfAvailable(),
                brandAccountsByTenant(properties));
    }

    /** Fails at start-up on a malformed handle, naming the tenant, rather than misreading its mentions. */
    static Map<String, BrandAccounts> brandAccountsByTenant(ClassifierProperties properties) {
        Map<String, BrandAccounts> byTenant = new HashMap<>();
        properties.tenants().forEach((tenant, settings) -> {
            try {
                byTenant.put(tenant, BrandAccounts.of(settings.brandHandles()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "apath.classifier.tenants." + tenant + ".brand-handles: " + e.getMessage(), e);
            }
        });
        return byTenant;
    }

    @Bean
    MentionBatch mentionBatch(
            Classifier classifier,
            ObjectMapper json,
            StreamBridge bridge,
            MeterRegistry registry,
            ClassifierProperties properties) {
        Set<String> tenantsWithBrandAccounts = brandAccountsByTenant(properties).entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        return new MentionBatch(
                classifier, json, new DeadLetters(bridge), new ClassifierMetrics(registry), tenantsWithBrandAccounts);
    }

    @Bean
    Function<Message<List<byte[]>>, List<Message<byte[]>>> classify(MentionBatch batch) {
        return batch::classify;
    }

    /** {@code /actuator/info} names the model in use, so ops can tell which version produced which output. */
    @Bean
    InfoContributor modelInfo(
            IntentModel model, ClassifierProperties properties, ObjectProvider<SecondOpinion> secondOpinion) {
        SecondOpinion opinion = secondOpinion.getIfAvailable();
        return builder -> {
            builder.withDetail("model", Map.of("version", model.version(), "source", properties.model()));
            builder.withDetail(
                    "secondOpinion",
                    opinion == null
                            ? Map.of("enabled", false)
                            : Map.of(
                                    "enabled", true,
                                    "version", opinion.heads().version(),
                                    "encoder", opinion.encoder().name(),
                                    "source", properties.secondOpinion().heads()));
        };
    }
}
