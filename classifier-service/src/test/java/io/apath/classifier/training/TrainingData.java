package io.apath.classifier.training;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small labelled slice under {@code src/test/resources/data} (drawn from shared/data, same formats). */
final class TrainingData {

    private TrainingData() {}

    static Path directory() {
        try {
            return Path.of(TrainingData.class
                            .getResource("/data/intents-train.jsonl")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Small hash space and few epochs: these tests check behaviour, not quality. */
    static Trainer.Settings small(long seed) {
        return new Trainer.Settings(14, 3, 4, 4, 0.2f, 3e-4f, 1e-6f, 2, seed);
    }
}
