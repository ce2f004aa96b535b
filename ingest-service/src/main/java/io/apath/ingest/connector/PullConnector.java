package io.apath.ingest.connector;

/** A source A-Path polls on a schedule; {@link #poll} ingests what is new since its checkpoint, then moves it. */
public interface PullConnector {

    String id();

    void poll();
}
