package io.apath.contracts;

/** The A-Path, in order: a later stage is a closer relationship. */
public enum Stage {
    ATTENTION,
    ATTRACTION,
    AFFINITY,
    AUDIENCE,
    ADVOCATE;

    public boolean isAfter(Stage other) {
        return compareTo(other) > 0;
    }
}
