package io.apath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.FaultRun.Settled;
import io.apath.reliability.harness.Faults;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The classifier runs far slower than the rest (its link to the broker throttled to a few KB/s) while mentions keep
 * coming: ingest must keep acknowledging, the lag must build up on mentions.v1 rather than anywhere it could be lost,
 * and drain completely once the classifier is back to speed.
 */
class SlowServiceFullIT {

    private static final long SLOW_BYTES_PER_SECOND = 4 * 1024;

    @Test
    void aSlowClassifierBuildsLagThatDrainsWithoutLossOrDuplicates() {
        try (FaultRun run = FaultRun.start("slow-classifier");
                MentionLoad load = run.load(20, 16, Duration.ofMinutes(3))) {
            load.start(20);
            FaultRun.hold(Duration.ofSeconds(5));
            run.pipeline().link(Service.CLASSIFIER).slowDown(SLOW_BYTES_PER_SECOND);
            long maxLag = 0;
            long slowUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < slowUntil) {
                FaultRun.hold(Duration.ofSeconds(3));
                maxLag = Math.max(maxLag, Faults.lag(run, "classifier-service", "mentions.v1"));
            }
            run.pipeline().link(Service.CLASSIFIER).slowDown(0);
            Settled settled = run.settle(load, Duration.ofMinutes(5));
            run.record(
                    "classifier link throttled to 4 KiB/s for 60 s",
                    settled.verdict() + "; max classifier lag " + maxLag + " records; caught up in "
                            + settled.catchUpMillis() + " ms after the load stopped");
            assertThat(maxLag)
                    .as("the throttle made the classifier fall behind")
                    .isPositive();
            assertThat(settled.verdict().violations()).isEmpty();
        }
    }
}
