package io.apath.classifier.model;

/**
 * Hashed feature indices of one text, each with the same value {@code scale} (binary counts, L2-normalised), and the
 * bit set of {@link Cues} groups found in it (also fed to the calibration layer directly).
 */
public record SparseFeatures(int[] indices, float scale, int cues) {}
