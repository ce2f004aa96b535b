package io.apath.classifier.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.apath.classifier.ClassifierApplication;
import io.apath.classifier.Mentions;
import io.apath.classifier.binding.ReviewQueueExport;
import io.apath.classifier.domain.ReviewQueue;
import io.apath.contracts.ClassifiedMention;
import io.apath.contracts.Intent;
import io.apath.contracts.Mention;
import io.apath.contracts.Sentiment;
import io.apath.contracts.SentimentLabel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binder.test.EnableTestBinder;
import org.springframework.cloud.stream.binder.test.OutputDestination;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /v1/corrections} over HTTP on the test binder: the API key decides the tenant, nothing reaches
 * {@code label-corrections.v1} without a valid key or for another tenant.
 */
@SpringBootTest(
        classes = ClassifierApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.config.name=classifier-service",
            "spring.cloud.stream.default-binder=integration",
            "spring.main.banner-mode=off",
            // only hashes are configured, as from a Secret: SHA-256 of "key-acme", "key-acme-rotated", "key-globex"
            "apath.classifier.tenants.acme.api-key-sha256[0]="
                    + "6371cb7a907cc8f10740229732c4b6164b285169494b85304468313513427878",
            "apath.classifier.tenants.acme.api-key-sha256[1]="
                    + "dade246e57a15fba16e2b6d3273e2748918a429cf1863d0a59799668eaf6a80a",
            "apath.classifier.tenants.globex.api-key-sha256[0]="
                    + "6434a00879acb6a4faed427b6463c32e2e5e3736404258155c408f29558d268d"
        })
@EnableTestBinder
class CorrectionApiTest {

    private static final String TOPIC = "label-corrections.v1";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String CORRECTION = "{\"id\":\"c-1\",\"text\":\"my order arrived broken\","
            + "\"labels\":[\"COMPLAINT\",\"SUPPORT_REQUEST\"],\"sentiment\":\"negative\",\"reviewer\":\"rita\"}";

    @Value("${local.server.port}")
    int port;

    @Autowired
    OutputDestination output;

    @Autowired
    ObjectMapper json;

    @BeforeEach
    void drain() {
        output.clear();
    }

    @Test
    void withoutAKeyItIs401ProblemDetailsAndNothingIsWritten() throws Exception {
        HttpResponse<String> response = post(null, CORRECTION);

        assertUnauthorized(response);
        assertThat(output.receive(200, TOPIC)).isNull();
    }

    @Test
    void withAWrongKeyItIs401() throws Exception {
        assertUnauthorized(post("Bearer not-a-key", CORRECTION));
        assertUnauthorized(post("Basic YWRtaW46YWRtaW4=", CORRECTION));
        assertThat(output.receive(200, TOPIC)).isNull();
    }

    @Test
    void aCorrectionForAnotherTenantIsRefusedWith403() throws Exception {
        HttpResponse<String> response = post("Bearer key-acme", CORRECTION.replace("{", "{\"tenant\":\"globex\","));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("type").asString()).isEqualTo("https://a-path.io/problems/forbidden");
        assertThat(post("Bearer key-globex", CORRECTION.replace("{", "{\"tenant\":\"acme\","))
                        .statusCode())
                .isEqualTo(403);
        assertThat(output.receive(200, TOPIC)).isNull();
    }

    @Test
    void theRightKeyIsAcceptedAndWritesForItsTenant() throws Exception {
        HttpResponse<String> response = post("Bearer key-acme", CORRECTION.replace("{", "{\"tenant\":\"acme\","));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Message<byte[]> written = output.receive(10_000, TOPIC);
        assertThat(written).isNotNull();
        assertThat(written.getHeaders().get(KafkaHeaders.KEY)).isEqualTo("acme:c-1");
        JsonNode correction = json.readTree(written.getPayload());
        assertThat(correction.get("tenant").asString()).isEqualTo("acme");
        assertThat(correction.get("labels").get(0).asString()).isEqualTo("COMPLAINT");
    }

    @Test
    void withoutATenantInTheBodyTheKeysTenantIsWrittenAndARotatedKeyInXApiKeyWorksToo() throws Exception {
        HttpResponse<String> response = send(request(CORRECTION).header("X-Api-Key", "key-acme-rotated"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Message<byte[]> written = output.receive(10_000, TOPIC);
        assertThat(written).isNotNull();
        assertThat(json.readTree(written.getPayload()).get("tenant").asString()).isEqualTo("acme");
    }

    @Test
    void anInvalidCorrectionWithTheRightKeyIs400() throws Exception {
        HttpResponse<String> response =
                post("Bearer key-acme", CORRECTION.replace("\"SUPPORT_REQUEST\"", "\"IRRELEVANT\""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("type").asString())
                .isEqualTo("https://a-path.io/problems/invalid-correction");
        assertThat(post("Bearer key-acme", CORRECTION.replace("\"SUPPORT_REQUEST\"", "null"))
                        .statusCode())
                .isEqualTo(400);
        assertThat(output.receive(200, TOPIC)).isNull();
    }

    @Test
    void aLabelThatIsNotOneOrAMissingFieldIsNamedInThe400() throws Exception {
        JsonNode unknownLabel =
                json.readTree(post("Bearer key-acme", CORRECTION.replace("\"SUPPORT_REQUEST\"", "\"NOPE\""))
                        .body());
        JsonNode noText = json.readTree(post("Bearer key-acme", CORRECTION.replace("\"text\"", "\"body\""))
                .body());
        JsonNode notJson = json.readTree(post("Bearer key-acme", "{\"id\":").body());

        for (JsonNode problem : new JsonNode[] {unknownLabel, noText, notJson}) {
            assertThat(problem.get("status").asInt()).as(problem.toString()).isEqualTo(400);
            assertThat(problem.get("type")).as(problem.toString()).isNotNull();
            assertThat(problem.get("type").asString()).isEqualTo("https://a-path.io/problems/invalid-correction");
        }
        assertThat(unknownLabel.get("detail").asString())
                .startsWith("labels[1]: 'NOPE' is not a label (one of COMPLAINT, SUPPORT_REQUEST,");
        assertThat(noText.get("detail").asString()).isEqualTo("text must not be blank");
        assertThat(notJson.get("detail").asString()).startsWith("the body is not a correction: ");
        assertThat(output.receive(200, TOPIC)).isNull();
    }

    @Test
    void aReviewQueueLineIsRefusedAsExportedAndAcceptedOnceTheReviewerLabelsIt() throws Exception {
        Mention mention = Mentions.post("acme", "kim", "q-1", "thinking of leaving, the app keeps crashing");
        ObjectNode line = ReviewQueueExport.line(new ReviewQueue.Candidate(
                new ClassifiedMention(
                        mention,
                        Map.of(Intent.CHURN_RISK, 0.41, Intent.COMPLAINT, 0.39),
                        Intent.CHURN_RISK,
                        new Sentiment(SentimentLabel.NEGATIVE, 0.7),
                        "en",
                        "test-model",
                        true),
                Intent.CHURN_RISK,
                0.09,
                0.09));

        assertThat(post("Bearer key-acme", line.toString()).statusCode())
                .as("labels left empty: not labelled yet")
                .isEqualTo(400);

        line.putArray("labels").add("CHURN_RISK").add("COMPLAINT");
        line.put("sentiment", "negative");
        line.put("reviewer", "rita");
        HttpResponse<String> response = post("Bearer key-acme", line.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        Message<byte[]> written = output.receive(10_000, TOPIC);
        assertThat(written.getHeaders().get(KafkaHeaders.KEY))
                .as("keyed by the mention id, so the queue leaves the post out from now on")
                .isEqualTo("acme:" + mention.mentionId().value());
        assertThat(json.readTree(written.getPayload()).get("labels").toString())
                .isEqualTo("[\"CHURN_RISK\",\"COMPLAINT\"]");
    }

    private void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"a-path-classifier\"");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).isEqualTo("https://a-path.io/problems/unauthorized");
    }

    private HttpResponse<String> post(String authorization, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/corrections"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
