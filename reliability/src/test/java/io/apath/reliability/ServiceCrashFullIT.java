package io.apath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.FaultRun.Settled;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of each service in turn while mentions stream in, then a restart: nothing acknowledged is lost,
 * nothing is counted twice. The short run kills each service once; the full run ({@code -Preliability-full}) three
 * times each.
 */
class ServiceCrashIT {

    @Test
    void killingEachServiceMidStreamLosesAndDoubleCountsNothing() {
        int cycles = FaultRun.FULL ? 3 : 1;
        try (FaultRun run = FaultRun.start("kill9-services");
                MentionLoad load = run.load(20, 8, Duration.ofMinutes(2))) {
            load.start(FaultRun.FULL ? 25 : 15);
            FaultRun.hold(Duration.ofSeconds(5));
            List<String> restarts = new ArrayList<>();
            for (int cycle = 0; cycle < cycles; cycle++) {
                for (Service service : List.of(Service.CLASSIFIER, Service.JOURNEY, Service.INGEST)) {
                    run.pipeline().kill(service);
                    Duration ready = run.pipeline().restart(service);
                    restarts.add(service.module.replace("-service", "") + " " + ready.toMillis() + " ms");
                    FaultRun.hold(Duration.ofSeconds(4));
                }
            }
            Settled settled = run.settle(load, Duration.ofMinutes(FaultRun.FULL ? 5 : 2));
            run.record(
                    "kill -9 ×" + cycles + " each service",
                    settled.verdict() + "; restart→ready " + restarts + "; caught up in " + settled.catchUpMillis()
                            + " ms");
            assertThat(settled.verdict().violations()).isEmpty();
            assertThat(settled.verdict().acked()).isPositive();
        }
    }
}
