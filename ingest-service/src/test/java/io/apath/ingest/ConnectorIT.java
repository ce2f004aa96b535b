package io.apath.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * RSS, Atom and the Mastodon hashtag timeline polled from a local server playing recorded payloads: everything
 * ingested once, paged by {@code min_id}, rate limits honoured, and checkpoints on Kafka carried across a restart.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConnectorIT {

    private static final String TENANT = Mentions.tenant("pull");

    private static RunningIngest start(String bootstrap, RecordedSources sources) {
        String base = sources.url().toString();
        return RunningIngest.start(
                bootstrap,
                Map.of(TENANT, "key-" + TENANT),
                "--ingest.connectors.enabled=true",
                "--ingest.kafka.checkpoints-topic=ingest-checkpoints-" + TENANT,
                "--ingest.connectors.rss[0].id=blog-comments",
                "--ingest.connectors.rss[0].tenant=" + TENANT,
                "--ingest.connectors.rss[0].url=" + base + "/comments/feed",
                "--ingest.connectors.rss[0].interval=300ms",
                "--ingest.connectors.rss[1].id=reviews",
                "--ingest.connectors.rss[1].tenant=" + TENANT,
                "--ingest.connectors.rss[1].url=" + base + "/reviews.atom",
                "--ingest.connectors.rss[1].interval=300ms",
                "--ingest.connectors.mastodon[0].id=acme-tag",
                "--ingest.connectors.mastodon[0].tenant=" + TENANT,
                "--ingest.connectors.mastodon[0].base-url=" + base,
                "--ingest.connectors.mastodon[0].hashtag=acme",
                "--ingest.connectors.mastodon[0].interval=300ms",
                "--ingest.connectors.mastodon[0].page-size=2");
    }

    private static List<String> nativeIds(String bootstrap) {
        return Mentions.published(bootstrap, TENANT).stream()
                .map(Mention::nativeId)
                .toList();
    }

    private static String uri(RecordedSources sources, int status) {
        return sources.status(status).get("uri").asString();
    }

    @Test
    void feedsAndTimelineAreIngestedOnceAndResumeFromTheirCheckpointsAfterARestart(KafkaEndpoint kafka) {
        String bootstrap = kafka.bootstrapServers();
        try (RecordedSources sources = new RecordedSources()) {
            sources.publishStatus(1);
            sources.publishStatus(2);
            sources.publishStatus(3);
            try (RunningIngest ingest = start(bootstrap, sources)) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(nativeIds(bootstrap))
                        .containsExactlyInAnyOrder(
                                "https://blog.example.org/?p=881#comment-1101",
                                "https://blog.example.org/?p=881#comment-1102",
                                "tag:reviews.example.net,2024:review-5512",
                                "tag:reviews.example.net,2024:review-5519",
                                uri(sources, 1),
                                uri(sources, 2),
                                uri(sources, 3)));
                // three statuses, pages of two: min_id=0 (oldest two), then min_id=<2nd> for the third
                assertThat(sources.timelineRequests())
                        .extracting(RecordedSources.Request::query)
                        .startsWith(
                                "limit=2&min_id=0",
                                "limit=2&min_id=113449000000000002",
                                "limit=2&min_id=113449000000000003");

                sources.exhaustRateLimitOnNextResponse();
                sources.publishStatus(4);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> nativeIds(bootstrap).contains(uri(sources, 4)));
                sources.publishStatus(5);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> nativeIds(bootstrap).contains(uri(sources, 5)));
                assertThat(sources.timelineRequests())
                        .filteredOn(r -> r.query().endsWith("min_id=113449000000000004"))
                        .allSatisfy(r -> assertThat(r.at()).isAfterOrEqualTo(sources.rateLimitedUntil));

                sources.rss = sources.rss.replace(
                        "  </channel>",
                        "    <item><title>By: Marvin</title><link>https://blog.example.org/acme-rocket-skates/"
                                + "#comment-1103</link><pubDate>Thu, 07 Nov 2024 16:00:00 +0000</pubDate>"
                                + "<guid isPermaLink=\"false\">https://blog.example.org/?p=881#comment-1103</guid>"
                                + "<description>Acme, where is my order?</description></item>\n  </channel>");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> nativeIds(bootstrap).contains("https://blog.example.org/?p=881#comment-1103"));
            }

            int before = sources.timelineRequests().size();
            try (RunningIngest restarted = start(bootstrap, sources)) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> sources.timelineRequests().size() > before + 2);
                assertThat(sources.timelineRequests().get(before).query())
                        .isEqualTo("limit=2&min_id=113449000000000005");
                assertThat(restarted.get("/actuator/prometheus").body())
                        .doesNotContain("outcome=\"duplicate\",source=\"rss\"")
                        .doesNotContain("outcome=\"duplicate\",source=\"mastodon\"");
            }

            List<Mention> all = Mentions.published(bootstrap, TENANT);
            assertThat(all).hasSize(10);
            Mention reply = all.stream()
                    .filter(m -> m.nativeId().equals(uri(sources, 3)))
                    .findFirst()
                    .orElseThrow();
            assertThat(reply.kind()).isEqualTo(MentionKind.REPLY);
            assertThat(reply.author().id()).isEqualTo("cy@hachyderm.io");
            Mention review = all.stream()
                    .filter(m -> m.nativeId().equals("tag:reviews.example.net,2024:review-5519"))
                    .findFirst()
                    .orElseThrow();
            assertThat(review.platform()).isEqualTo("rss");
            assertThat(review.author().id()).isEqualTo("bugs_b");
            assertThat(review.text()).startsWith("Where is my refund?");
        }
    }
}
