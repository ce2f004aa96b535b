package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassifiedMentionContractTest {

    @Test
    void goldenClassifiedMentionRoundTrips() {
        RoundTrip.assertRoundTrips(Fixture.CLASSIFIED_MENTION);
    }

    @Test
    void goldenClassifiedMentionKeepsEveryIntentProbability() {
        ClassifiedMention classified = Fixture.CLASSIFIED_MENTION.read(ClassifiedMention.class);

        assertThat(classified.intents())
                .containsEntry(Intent.COMPLAINT, 0.91)
                .containsEntry(Intent.SUPPORT_REQUEST, 0.58)
                .containsEntry(Intent.CHURN_RISK, 0.12)
                .hasSize(3);
        assertThat(classified.primaryIntent()).isEqualTo(Intent.COMPLAINT);
        assertThat(classified.confidence()).isEqualTo(0.91);
        assertThat(classified.sentiment()).isEqualTo(new Sentiment(SentimentLabel.NEGATIVE, 0.88));
        assertThat(classified.mention().kind()).isEqualTo(MentionKind.REPLY);
        assertThat(classified.mention().inReplyTo()).isEqualTo("113687503218840771");
    }

    @Test
    void derivedAccessorsAreNotWritten() {
        String json = Fixture.MAPPER.writeValueAsString(Fixture.CLASSIFIED_MENTION.read());

        assertThat(Fixture.MAPPER.readTree(json).has("confidence")).isFalse();
        assertThat(Fixture.MAPPER.readTree(json).get("mention").has("customerKey"))
                .isFalse();
    }
}
