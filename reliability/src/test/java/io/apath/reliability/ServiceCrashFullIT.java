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
 * nothing is counted twice. Three cycles; each service is killed once per cycle; in the last one journey also loses
 * its local state and must restore it from the changelog.
 */
class ServiceCrashFullIT {

    @Test
    void killingEachServiceMidStreamLosesAndDoubleCountsNothing() {
        int cycles = 3;
        try (FaultRun run = FaultRun.start("kill9-services");
                MentionLoad load = run.load(20, 8, Duration.ofMinutes(2))) {
            load.start(20);
            FaultRun.hold(Duration.ofSeconds(5));
            List<String> restarts = new ArrayList<>();
            for (int cycle = 0; cycle < cycles; cycle++) {
                for (Service service : List.of(Service.CLASSIFIER, Service.JOURNEY, Service.INGEST)) {
                    run.pipeline().kill(service);
                    if (service == Service.JOURNEY && cycle == cycles - 1) {
                        run.pipeline().wipeJourneyState(); // last cycle: journey comes back on an empty disk
                    }
                    Duration ready = run.pipeline().restart(service);
                    restarts.add(service.module.replace("-service", "") + " " + ready.toMillis() + " ms");
                    FaultRun.hold(Duration.ofSeconds(4));
                }
            }
            Settled settled = run.settle(load, Duration.ofMinutes(5));
            run.record(
                    "kill -9 ×" + cycles + " each service",
                    settled.verdict() + "; restart→ready " + restarts + "; caught up in " + settled.catchUpMillis()
                            + " ms");
            assertThat(settled.verdict().violations()).isEmpty();
            assertThat(settled.verdict().acked()).isPositive();
        }
    }
}
