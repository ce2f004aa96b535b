package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MentionContractTest {

    @Test
    void goldenMentionRoundTrips() {
        RoundTrip.assertRoundTrips(Fixture.MENTION);
    }

    @Test
    void goldenMentionReadsAsTheMentionIngestWrites() {
        Mention mention = Fixture.MENTION.read(Mention.class);

        assertThat(mention.mentionId()).isEqualTo(MentionId.of("acme", "mastodon", "113427718930218465"));
        assertThat(mention.kind()).isEqualTo(MentionKind.POST);
        assertThat(mention.author().followers()).isEqualTo(412L);
        assertThat(mention.inReplyTo()).isNull();
        assertThat(mention.createdAt()).isEqualTo(Instant.parse("2024-11-05T01:20:36Z"));
        assertThat(mention.receivedAt()).isEqualTo(Instant.parse("2024-11-05T01:20:38.204Z"));
        assertThat(mention.customerKey()).isEqualTo(new CustomerKey("acme:mastodon:109348572361093847"));
    }

    @Test
    void instantsAreWrittenAsIsoStringsNotEpochNumbers() {
        // Jackson 3 turned WRITE_DATES_AS_TIMESTAMPS off by default; the fixtures depend on that.
        assertThat(Fixture.MAPPER.writeValueAsString(Instant.parse("2024-11-05T01:20:36Z")))
                .isEqualTo("\"2024-11-05T01:20:36Z\"");
        assertThat(Fixture.MAPPER.writeValueAsString(Instant.parse("2024-11-05T01:20:38.204Z")))
                .isEqualTo("\"2024-11-05T01:20:38.204Z\"");
    }
}
