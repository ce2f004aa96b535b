package io.apath.ingest.domain;

import java.time.Duration;

/** Counts outcomes per source and tenant (never per customer) and times broker acknowledgements. */
public interface IntakeMetrics {

    void counted(String source, String tenant, String outcome);

    void acknowledged(Duration publishLatency);

    IntakeMetrics NONE = new IntakeMetrics() {
        @Override
        public void counted(String source, String tenant, String outcome) {}

        @Override
        public void acknowledged(Duration publishLatency) {}
    };
}
