package io.apath.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.apath.contracts.Author;
import io.apath.contracts.CustomerKey;
import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class MentionIntakeTest {

    private static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");

    /** Completes each publication as the test says: acknowledged, failed, or never. */
    private static final class ScriptedBroker implements MentionPublisher {
        final List<Mention> sent = new ArrayList<>();
        final List<CompletableFuture<Void>> acks = new ArrayList<>();
        String mode = "ack";

        @Override
        public CompletableFuture<Void> publish(Mention mention) {
            sent.add(mention);
            if (mode.equals("slow")) {
                pause(Duration.ofMillis(80)); // a send blocked on metadata, as KafkaProducer.send does
            }
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            if (mode.equals("ack")) {
                ack.complete(null);
            } else if (mode.equals("fail")) {
                ack.completeExceptionally(new IllegalStateException("broker gone"));
            }
            return ack;
        }
    }

    private final ScriptedBroker broker = new ScriptedBroker();
    private final RecentMentions recent = new RecentMentions(Duration.ofHours(24));
    private final SuppressionList suppressions = new SuppressionList();
    private final MentionIntake intake = new MentionIntake(
            new MentionRules(Set.of("x"), 10_000, 256, 256, Duration.ofHours(1)),
            broker,
            recent,
            suppressions,
            () -> true,
            IntakeMetrics.NONE,
            Clock.fixed(NOW, ZoneOffset.UTC),
            Duration.ofMillis(200));

    private static Submitted item(String nativeId, String author) {
        return Submitted.of(new MentionSubmission(
                null,
                "x",
                nativeId,
                MentionKind.POST,
                new Author(author, null, null, null),
                "hi",
                null,
                null,
                null,
                NOW));
    }

    @Test
    void eachItemGetsItsOutcomeAndOnlyFreshValidOnesArePublished() {
        suppressions.suppress(CustomerKey.of("acme", "x", "gone"));
        List<ItemOutcome> outcomes = intake.submit(
                "acme",
                "api",
                List.of(item("1", "a"), item("1", "a"), item("2", "gone"), Submitted.unreadable("", "not an object")));

        assertThat(outcomes)
                .extracting(ItemOutcome::status)
                .containsExactly("accepted", "duplicate", "suppressed", "rejected");
        assertThat(broker.sent).extracting(Mention::nativeId).containsExactly("1");
        assertThat(broker.sent.get(0).tenant()).isEqualTo("acme");
    }

    @Test
    void aFailedPublicationMakesTheRequestUnavailableAndFreesTheIdForARetry() {
        broker.mode = "fail";
        assertThatThrownBy(() -> intake.submit("acme", "api", List.of(item("3", "a"))))
                .isInstanceOf(IntakeUnavailableException.class);

        broker.mode = "ack";
        assertThat(intake.submit("acme", "api", List.of(item("3", "a"))))
                .extracting(ItemOutcome::status)
                .containsExactly("accepted");
    }

    @Test
    void aBatchStopsAtTheFirstSendTheBrokerRefusesInsteadOfTryingEveryItem() {
        broker.mode = "fail";
        List<Submitted> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(item("f" + i, "a"));
        }
        assertThatThrownBy(() -> intake.submit("acme", "api", batch))
                .isInstanceOf(IntakeUnavailableException.class)
                .hasMessageContaining("did not take")
                .hasRootCauseMessage("broker gone");
        assertThat(broker.sent).hasSize(1);

        broker.mode = "ack";
        assertThat(intake.submit("acme", "api", batch))
                .as("nothing of the refused batch stays reserved")
                .extracting(ItemOutcome::status)
                .containsOnly("accepted");
    }

    @Test
    void sendsThatBlockCountAgainstTheAckTimeoutOfTheRequest() {
        broker.mode = "slow"; // each send takes 80 ms of the request's 200 ms
        List<Submitted> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(item("s" + i, "a"));
        }
        assertThatThrownBy(() -> intake.submit("acme", "api", batch))
                .isInstanceOf(IntakeUnavailableException.class)
                .hasMessageContaining("did not acknowledge within PT0.2S");
        assertThat(broker.sent)
                .as("the request gave up once its time was spent, not after 50 blocked sends")
                .hasSizeLessThan(5);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void anAcknowledgementLaterThanTheTimeoutKeepsTheIdSoARetryIsNotPublishedTwice() {
        broker.mode = "hang";
        assertThatThrownBy(() -> intake.submit("acme", "api", List.of(item("4", "a"))))
                .isInstanceOf(IntakeUnavailableException.class)
                .hasMessageContaining("did not acknowledge");
        broker.acks.get(0).complete(null); // the broker took it after all

        broker.mode = "ack";
        assertThat(intake.submit("acme", "api", List.of(item("4", "a"))))
                .extracting(ItemOutcome::status)
                .containsExactly("duplicate");
        assertThat(broker.sent).hasSize(1);
    }

    @Test
    void nothingIsTakenWhileTheWindowIsStillLoading() {
        MentionIntake loading = new MentionIntake(
                new MentionRules(Set.of("x"), 10_000, 256, 256, Duration.ofHours(1)),
                broker,
                recent,
                suppressions,
                () -> false,
                IntakeMetrics.NONE,
                Clock.systemUTC(),
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> loading.submit("acme", "api", List.of(item("5", "a"))))
                .isInstanceOf(IntakeUnavailableException.class);
        assertThat(broker.sent).isEmpty();
    }
}
