package io.apath.ingest.domain;

/** One broken rule of one submitted mention: which field ({@code author.handle}) and what is wrong with it. */
public record Violation(String field, String problem) {}
