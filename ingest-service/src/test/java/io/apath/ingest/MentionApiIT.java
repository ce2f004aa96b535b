package io.apath.ingest;

import static io.apath.ingest.Mentions.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.apath.contracts.Mention;
import io.apath.contracts.MentionId;
import io.apath.localkafka.KafkaBrokerExtension;
import io.apath.localkafka.KafkaEndpoint;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The HTTP API against a real broker: every shape of request, per-item results, errors as problem details. */
@ExtendWith(KafkaBrokerExtension.class)
class MentionApiIT {

    private static final String TENANT = Mentions.tenant("api");
    private static final String OTHER = Mentions.tenant("other");
    private static final String KEY = "key-" + TENANT;
    private static final String OTHER_KEY = "key-" + OTHER;

    private static RunningIngest ingest;
    private static String bootstrap;

    @BeforeAll
    static void start(KafkaEndpoint kafka) {
        bootstrap = kafka.bootstrapServers();
        ingest = RunningIngest.start(
                bootstrap,
                Map.of(TENANT, KEY, OTHER, OTHER_KEY),
                "--ingest.max-batch-size=50",
                "--ingest.max-body-size=64KB");
    }

    @AfterAll
    static void stop() {
        if (ingest != null) {
            ingest.close();
        }
    }

    private HttpResponse<String> post(String contentType, String body) {
        return ingest.post("/v1/mentions", contentType, KEY, body.getBytes(UTF_8));
    }

    private static JsonNode body(HttpResponse<String> response) {
        return Mentions.JSON.readTree(response.body());
    }

    @Test
    void oneMentionIsAcceptedOnlyOnceItIsOnTheTopicUnderTheKeysTenant() {
        HttpResponse<String> response = post("application/json", json("single-1", "alice", "Love the new app"));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode item = body(response).get("items").get(0);
        assertThat(item.get("status").asString()).isEqualTo("accepted");
        String id = MentionId.of(TENANT, "mastodon", "single-1").value();
        assertThat(item.get("mentionId").asString()).isEqualTo(id);
        List<Mention> published = Mentions.published(bootstrap, TENANT);
        assertThat(published).extracting(m -> m.mentionId().value()).contains(id);
        Mention mention = published.stream()
                .filter(m -> m.mentionId().value().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(mention.tenant()).isEqualTo(TENANT);
        assertThat(mention.receivedAt()).isNotNull();
    }

    @Test
    void arrayReportsEachItemAndStillAcceptsTheGoodOnes() {
        String batch = "[" + json("arr-1", "bob", "first") + ","
                + "{\"platform\":\"mastodon\",\"nativeId\":\"arr-2\",\"kind\":\"SHOUT\",\"author\":{\"id\":7},"
                + "\"text\":\"" + "x".repeat(10_001) + "\",\"createdAt\":\"2999-01-01T00:00:00Z\"},"
                + json("arr-3", "bob", "third") + "," + json("arr-1", "bob", "first again") + "]";

        HttpResponse<String> response = post("application/json", batch);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode result = body(response);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("rejected").asInt()).isEqualTo(1);
        assertThat(result.get("duplicate").asInt()).isEqualTo(1);
        JsonNode problem = result.get("items").get(1).get("problem");
        assertThat(problem.get("index").asInt()).isEqualTo(1);
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("type").asString()).isEqualTo("https://a-path.io/problems/invalid-mention");
        assertThat(problem.get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("kind", "author.id", "text", "createdAt");
        assertThat(result.get("items").get(3).get("status").asString()).isEqualTo("duplicate");
        assertThat(Mentions.published(bootstrap, TENANT))
                .extracting(Mention::nativeId)
                .filteredOn(id -> id.startsWith("arr-"))
                .containsExactlyInAnyOrder("arr-1", "arr-3");
    }

    @Test
    void ndjsonLinesAreIndependentItems() {
        String ndjson =
                json("nd-1", "carol", "one") + "\n" + "{not json\n" + "\n" + json("nd-2", "carol", "two") + "\r\n";

        HttpResponse<String> response = post("application/x-ndjson", ndjson);

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode result = body(response);
        assertThat(result.get("accepted").asInt()).isEqualTo(2);
        assertThat(result.get("items").get(1).get("status").asString()).isEqualTo("rejected");
        assertThat(result.get("items").get(1).get("problem").get("detail").asString())
                .contains("malformed JSON");
    }

    @Test
    void theSameMentionSentAgainIsADuplicateAndNotPublishedTwice() {
        String mention = json("dup-1", "dave", "again and again");
        assertThat(post("application/json", mention).statusCode()).isEqualTo(202);

        HttpResponse<String> again = post("application/json", mention);

        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(body(again).get("items").get(0).get("status").asString()).isEqualTo("duplicate");
        assertThat(Mentions.published(bootstrap, TENANT))
                .filteredOn(m -> m.nativeId().equals("dup-1"))
                .hasSize(1);
    }

    @Test
    void anInvalidSingleMentionIsAProblemNamingTheField() {
        HttpResponse<String> response =
                post("application/json", json("bad-1", "erin", "").replace("\"POST\"", "3"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = body(response);
        assertThat(problem.get("errors").values())
                .extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("kind", "text");
    }

    @Test
    void aTenantFieldMustMatchTheKeysTenant() {
        HttpResponse<String> own = post("application/json", json(TENANT, "t-1", "frank", "mine"));
        HttpResponse<String> foreign = post("application/json", json(OTHER, "t-2", "frank", "not mine"));

        assertThat(own.statusCode()).isEqualTo(202);
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(body(foreign).get("errors").get(0).get("field").asString()).isEqualTo("tenant");
        assertThat(Mentions.published(bootstrap, OTHER)).isEmpty();
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthorized() {
        byte[] mention = json("auth-1", "gina", "hi").getBytes(UTF_8);

        assertThat(ingest.post("/v1/mentions", "application/json", null, mention)
                        .statusCode())
                .isEqualTo(401);
        assertThat(ingest.post("/v1/mentions", "application/json", "wrong-key", mention)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void wrongContentTypeOversizeAndMalformedBodiesAreClientErrors() {
        assertThat(post("text/plain", json("ct-1", "hank", "hi")).statusCode()).isEqualTo(415);
        assertThat(post("application/json; charset=ISO-8859-1", json("ct-2", "hank", "hi"))
                        .statusCode())
                .isEqualTo(415);
        assertThat(post("application/json", "{\"platform\": ").statusCode()).isEqualTo(400);
        assertThat(post("application/json", "42").statusCode()).isEqualTo(400);
        assertThat(post("application/json", "[]").statusCode()).isEqualTo(400);

        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(51, json("n", "ivy", "hi"))) + "]";
        assertThat(post("application/json", tooMany).statusCode()).isEqualTo(413);
        String tooBig = json("big", "ivy", "y".repeat(70_000));
        HttpResponse<String> big = post("application/json", tooBig);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(body(big).get("type").asString()).isEqualTo("https://a-path.io/problems/too-large");
    }

    @Test
    void openApiDocumentDescribesTheEndpoints() {
        HttpResponse<String> docs = ingest.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = body(docs).get("paths");
        assertThat(paths.has("/v1/mentions")).isTrue();
        assertThat(paths.has("/v1/webhooks/{source}")).isTrue();
    }

    @Test
    void outcomesAreCountedPerSourceAndTenantWithoutCustomerTags() {
        post("application/json", json("metric-1", "jack", "count me"));

        String metrics = ingest.get("/actuator/prometheus").body();

        assertThat(metrics)
                .contains("ingest_mentions_total{outcome=\"accepted\",source=\"api\",tenant=\"" + TENANT + "\"}")
                .contains("ingest_publish_latency_seconds_bucket")
                .doesNotContain("jack");
    }
}
