package io.apath.contracts;

/** The author's feeling toward the brand. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE
}
