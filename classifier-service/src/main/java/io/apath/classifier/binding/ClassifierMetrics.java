package io.apath.classifier.binding;

import io.apath.contracts.ClassifiedMention;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Classifier metrics with low-cardinality tags only: {@code apath.classifier.mentions} (label mix by primary intent,
 * sentiment, needs-review, language group), {@code apath.classifier.latency} (per-mention classify time, with
 * histogram buckets) and {@code apath.classifier.dead.letters} (by exception type).
 */
final class ClassifierMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    ClassifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("apath.classifier.latency")
                .description("time to classify one mention (model + language detection)")
                .publishPercentileHistogram()
                .register(registry);
    }

    void classified(ClassifiedMention classified, long nanos) {
        latency.record(nanos, TimeUnit.NANOSECONDS);
        String language = classified.language();
        Counter.builder("apath.classifier.mentions")
                .description("mentions classified, by primary intent and sentiment")
                .tag("primary_intent", classified.primaryIntent().name())
                .tag(
                        "sentiment",
                        classified.sentiment() == null
                                ? "NONE"
                                : classified.sentiment().label().name())
                .tag("needs_review", String.valueOf(classified.needsReview()))
                .tag("language", "en".equals(language) ? "en" : "und".equals(language) ? "und" : "other")
                .register(registry)
                .increment();
    }

    void deadLettered(Exception error) {
        Counter.builder("apath.classifier.dead.letters")
                .description("mentions.v1 records sent to mentions.v1.dlq")
                .tag("exception", error.getClass().getSimpleName())
                .register(registry)
                .increment();
    }
}
