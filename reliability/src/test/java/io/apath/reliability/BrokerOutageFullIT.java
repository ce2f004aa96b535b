package io.apath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.FaultRun.Settled;
import io.apath.reliability.harness.Faults;
import io.apath.reliability.harness.Faults.Outage;
import io.apath.reliability.load.MentionLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker dies ({@code kill -9}, then a clean SIGTERM stop) mid-stream and comes back: while it is gone ingest says 503 (never 202, never a
 * hang or a 500), and afterwards every service picks up by itself with nothing lost or counted twice.
 */
class BrokerOutageFullIT {

    @Test
    void brokerDeathIsAnswered503AndRecoveredFromWithoutLossOrDuplicates() {
        try (FaultRun run = FaultRun.start("broker-outage");
                MentionLoad load = run.load(20, 16, Duration.ofMinutes(3))) {
            load.start(20);
            FaultRun.hold(Duration.ofSeconds(8));
            List<Outage> outages = new ArrayList<>();
            for (int cycle = 0; cycle < 2; cycle++) {
                // first the hard way (kill -9), then a clean stop as in a rolling upgrade
                outages.add(Faults.brokerDown(run, load, Duration.ofSeconds(20), cycle == 1));
                FaultRun.hold(Duration.ofSeconds(15));
            }
            Settled settled = run.settle(load, Duration.ofMinutes(5));
            run.record(
                    "broker kill -9, then SIGTERM, 20 s down each",
                    settled.verdict() + "; " + outages + "; caught up in " + settled.catchUpMillis() + " ms");
            assertThat(settled.verdict().violations()).isEmpty();
            for (Outage outage : outages) {
                assertThat(outage.acceptedDuring())
                        .as("202 while the broker was down")
                        .isZero();
                assertThat(outage.uncleanDuring())
                        .as("answers other than 503 while the broker was down: " + outage)
                        .isZero();
                assertThat(outage.recoveryMillis())
                        .as("ingest acknowledged again")
                        .isNotNegative();
            }
        }
    }
}
