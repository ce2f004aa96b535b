package io.apath.classifier.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.classifier.ClassifierApplication;
import io.apath.classifier.Mentions;
import io.apath.classifier.domain.Classifier;
import io.apath.classifier.model.IntentModel;
import io.apath.classifier.model.StackedHeads;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.test.TestChannelBinderConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code apath.classifier.second-opinion.*} switches the second opinion on, and refuses heads of another model. */
class SecondOpinionBindingTest {

    /** Command-line arguments, which (unlike builder properties) override classifier-service.yml. */
    private static ConfigurableApplicationContext run(String... properties) {
        return app().run(Arrays.stream(properties).map(p -> "--" + p).toArray(String[]::new));
    }

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(
                        TestChannelBinderConfiguration.getCompleteConfiguration(ClassifierApplication.class))
                .properties(
                        "spring.config.name=classifier-service",
                        "spring.cloud.stream.default-binder=integration",
                        "spring.main.banner-mode=off",
                        "spring.main.web-application-type=none");
    }

    @Test
    void whenEnabledTheClassifierAsksItAboutUnsurePosts() {
        try (ConfigurableApplicationContext context = run(
                "apath.classifier.second-opinion.enabled=true",
                "apath.classifier.second-opinion.below-confidence=1.01")) {
            Classifier classifier = context.getBean(Classifier.class);
            String version = context.getBean(IntentModel.class).version();

            assertThat(classifier
                            .classify(Mentions.post("acme", "alice", "so-1", "@acme where is my parcel??"))
                            .modelVersion())
                    .startsWith(version + "+" + StackedHeads.VERSION_PREFIX + "-");
        }
    }

    @Test
    void byDefaultThereIsNoEncoderAtAll() {
        try (ConfigurableApplicationContext context = run()) {
            assertThat(context.getBeanNamesForType(StackedHeads.class)).isEmpty();
            assertThat(context.getBeanNamesForType(io.apath.classifier.model.SecondOpinion.class))
                    .isEmpty();
        }
    }

    @Test
    void headsTrainedBesideAnotherModelStopStartUpWithBothVersions(@TempDir Path dir) throws Exception {
        int width = 384 + IntentModel.INTENTS;
        float[] spread = new float[width];
        Arrays.fill(spread, 1f);
        float[] thresholds = new float[IntentModel.INTENTS];
        Arrays.fill(thresholds, 0.5f);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StackedHeads.write(
                io.apath.classifier.encoder.BgeSmallEncoder.NAME,
                "hashed-ngram-lr-1-000000000000",
                new float[width],
                spread,
                new float[IntentModel.INTENTS * width],
                new float[IntentModel.INTENTS],
                thresholds,
                bytes);
        Path heads = dir.resolve("stale-heads.bin");
        try (OutputStream out = Files.newOutputStream(heads)) {
            out.write(bytes.toByteArray());
        }

        assertThatThrownBy(() -> run(
                                "apath.classifier.second-opinion.enabled=true",
                                "apath.classifier.second-opinion.heads=file:" + heads)
                        .close())
                .hasStackTraceContaining("hashed-ngram-lr-1-000000000000")
                .hasStackTraceContaining("retrain both");
    }
}
