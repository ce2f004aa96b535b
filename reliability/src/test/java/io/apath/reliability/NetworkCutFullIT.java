package io.apath.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.reliability.harness.FaultRun;
import io.apath.reliability.harness.FaultRun.Settled;
import io.apath.reliability.harness.Faults;
import io.apath.reliability.harness.Faults.Outage;
import io.apath.reliability.harness.Pipeline.Service;
import io.apath.reliability.load.MentionLoad;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network between one service and the broker goes silent (a black hole: no reset, no error) and comes back, for
 * each service in turn. Ingest must refuse with 503 rather than acknowledge what it could not store; the others must
 * catch up once the link is back.
 */
class NetworkCutFullIT {

    @Test
    void cuttingEachServiceOffTheBrokerLosesAndDoubleCountsNothing() {
        try (FaultRun run = FaultRun.start("network-cut");
                MentionLoad load = run.load(20, 16, Duration.ofMinutes(3))) {
            load.start(20);
            FaultRun.hold(Duration.ofSeconds(8));
            List<Outage> outages = new ArrayList<>();
            for (Service service : List.of(Service.INGEST, Service.CLASSIFIER, Service.JOURNEY)) {
                outages.add(Faults.linkCut(run, load, service, Duration.ofSeconds(30)));
                FaultRun.hold(Duration.ofSeconds(15));
            }
            Settled settled = run.settle(load, Duration.ofMinutes(5));
            run.record(
                    "network cut 30 s, each service",
                    settled.verdict() + "; " + outages + "; caught up in " + settled.catchUpMillis() + " ms");
            assertThat(settled.verdict().violations()).isEmpty();
            Outage ingestCut = outages.get(0);
            assertThat(ingestCut.acceptedDuring())
                    .as("202 while ingest was cut off")
                    .isZero();
            assertThat(ingestCut.uncleanDuring())
                    .as("answers other than 503: " + ingestCut)
                    .isZero();
            assertThat(ingestCut.recoveryMillis()).isNotNegative();
        }
    }
}
