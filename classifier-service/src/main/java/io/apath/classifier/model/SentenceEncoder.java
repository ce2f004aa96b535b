package io.apath.classifier.model;

/**
 * Turns a text into a fixed-length, L2-normalised vector whose geometry reflects meaning (a sentence embedding). The
 * second opinion's only window on the text; implementations must be thread-safe and give the same vector for the same
 * text every time, or a trained head would not be reproducible.
 */
public interface SentenceEncoder {

    /** Names the encoder and its weights; a head trained on one encoder's vectors is useless on another's. */
    String name();

    int dimension();

    float[] embed(String text);
}
