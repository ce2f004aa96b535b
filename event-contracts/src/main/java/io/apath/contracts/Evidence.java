package io.apath.contracts;

import java.util.Objects;

/** One classified mention that a journey decision rests on. */
public record Evidence(MentionId mentionId, Intent intent, double confidence, String modelVersion) {

    public Evidence {
        Objects.requireNonNull(mentionId, "mentionId");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(modelVersion, "modelVersion");
    }

    public static Evidence of(ClassifiedMention classified) {
        return new Evidence(
                classified.mention().mentionId(),
                classified.primaryIntent(),
                classified.confidence(),
                classified.modelVersion());
    }
}
