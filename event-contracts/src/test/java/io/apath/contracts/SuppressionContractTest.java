package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SuppressionContractTest {

    @Test
    void goldenSuppressionRoundTrips() {
        RoundTrip.assertRoundTrips(Fixture.SUPPRESSION);
    }

    @Test
    void goldenSuppressionNamesTheCustomerAndSince() {
        Suppression suppression = Fixture.SUPPRESSION.read(Suppression.class);

        assertThat(suppression.customerKey().authorId()).isEqualTo("109348572361093847");
        assertThat(suppression.since()).isEqualTo(Instant.parse("2025-01-15T10:32:07.418Z"));
    }
}
