package io.apath.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Mention;
import io.apath.contracts.MentionKind;
import io.apath.ingest.domain.WebhookSignature;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Signed webhooks: good, bad and expired signatures; generic and Mastodon payloads mapped onto the topic. */
@ExtendWith(KafkaBrokerExtension.class)
class WebhookIT {

    private static final String TENANT = Mentions.tenant("hook");
    private static final String SECRET = "whsec-" + TENANT;

    private static RunningIngest ingest;
    private static String bootstrap;

    @BeforeAll
    static void start(KafkaEndpoint kafka) {
        bootstrap = kafka.bootstrapServers();
        ingest = RunningIngest.start(bootstrap, Map.of(TENANT, "key-" + TENANT), Map.of(TENANT, SECRET));
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    private static HttpResponse<String> deliver(String source, byte[] body, long timestamp, String signature) {
        return ingest.send(HttpRequest.newBuilder(ingest.url.resolve("/v1/webhooks/" + source))
                .header("Content-Type", "application/json")
                .header("X-Apath-Tenant", TENANT)
                .header("X-Apath-Timestamp", Long.toString(timestamp))
                .header("X-Hub-Signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static HttpResponse<String> signed(String source, byte[] body) {
        long now = Instant.now().getEpochSecond();
        return deliver(source, body, now, WebhookSignature.sign(SECRET, now, body));
    }

    private static List<Mention> published() {
        return Mentions.published(bootstrap, TENANT);
    }

    @Test
    void aCorrectlySignedGenericDeliveryIsPublished() {
        HttpResponse<String> response =
                signed("generic", Mentions.json("hook-1", "kim", "via webhook").getBytes(UTF_8));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(published()).extracting(Mention::nativeId).contains("hook-1");
    }

    @Test
    void wrongSignaturesAndOtherTenantsSecretsAreRefused() {
        byte[] body = Mentions.json("hook-bad", "kim", "forged").getBytes(UTF_8);
        long now = Instant.now().getEpochSecond();

        assertThat(deliver("generic", body, now, WebhookSignature.sign("not-the-secret", now, body))
                        .statusCode())
                .isEqualTo(401);
        assertThat(deliver("generic", body, now, "sha256=" + "00".repeat(32)).statusCode())
                .isEqualTo(401);
        byte[] tampered = Mentions.json("hook-bad", "kim", "tampered").getBytes(UTF_8);
        assertThat(deliver("generic", tampered, now, WebhookSignature.sign(SECRET, now, body))
                        .statusCode())
                .isEqualTo(401);
        assertThat(published()).extracting(Mention::nativeId).doesNotContain("hook-bad");
    }

    @Test
    void aReplayedDeliveryOutsideTheToleranceIsRefused() {
        byte[] body = Mentions.json("hook-old", "kim", "from the past").getBytes(UTF_8);
        long tenMinutesAgo = Instant.now().getEpochSecond() - 600;

        HttpResponse<String> response =
                deliver("generic", body, tenMinutesAgo, WebhookSignature.sign(SECRET, tenMinutesAgo, body));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("tolerance");
        assertThat(published()).extracting(Mention::nativeId).doesNotContain("hook-old");
    }

    @Test
    void aMastodonStatusWebhookBecomesAMention() throws IOException {
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/recorded/mastodon-webhook-status-created.json")) {
            body = in.readAllBytes();
        }

        HttpResponse<String> response = signed("mastodon", body);

        assertThat(response.statusCode()).isEqualTo(202);
        Mention mention = published().stream()
                .filter(m -> m.nativeId().equals("https://mastodon.social/users/Gargron/statuses/113450087447011000"))
                .findFirst()
                .orElseThrow();
        assertThat(mention.platform()).isEqualTo("mastodon");
        assertThat(mention.kind()).isEqualTo(MentionKind.REPLY);
        assertThat(mention.author().id()).isEqualTo("Gargron@mastodon.social");
        assertThat(mention.author().followers()).isEqualTo(312_000L);
        assertThat(mention.text()).isEqualTo("@acme your support team fixed it in minutes & I'm impressed!");
        assertThat(mention.createdAt()).isEqualTo(Instant.parse("2024-11-07T15:03:12.345Z"));
    }

    @Test
    void unknownSourcesAreNotFound() {
        assertThat(signed("myspace", "{}".getBytes(UTF_8)).statusCode()).isEqualTo(404);
    }
}
