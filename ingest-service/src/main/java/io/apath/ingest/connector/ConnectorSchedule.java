package io.apath.ingest.connector;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Polls each connector at its own interval, one at a time per connector; a failed poll is retried next time. */
public final class ConnectorSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorSchedule.class);

    public record Entry(PullConnector connector, Duration interval) {}

    private final ScheduledExecutorService executor;

    public ConnectorSchedule(List<Entry> entries) {
        this.executor = Executors.newScheduledThreadPool(Math.max(1, Math.min(entries.size(), 4)), r -> {
            Thread thread = new Thread(r, "ingest-connector");
            thread.setDaemon(true);
            return thread;
        });
        for (Entry entry : entries) {
            executor.scheduleWithFixedDelay(
                    () -> pollSafely(entry.connector()), 0, entry.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void pollSafely(PullConnector connector) {
        try {
            connector.poll();
        } catch (RuntimeException e) {
            // Nothing was checkpointed, so the next poll starts from the same place: nothing is skipped.
            log.warn("Connector {} failed, retrying at its next interval: {}", connector.id(), e.toString());
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
