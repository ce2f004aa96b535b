package io.apath.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IngestClientTest {

    @Test
    void perItemResultsAreCountedWhenTheAnswerHasThem() {
        String body = "{\"items\":[{\"index\":0,\"status\":\"accepted\"},{\"index\":1,\"status\":\"duplicate\"},"
                + "{\"index\":2,\"status\":\"ACCEPTED\"}]}";
        IngestClient.Answer answer = IngestClient.interpret(202, body, 3, 1);
        assertThat(answer.accepted()).isEqualTo(2);
        assertThat(answer.problem()).contains("duplicate");
    }

    @Test
    void aTwoHundredWithoutPerItemResultsAcceptsEverything() {
        assertThat(IngestClient.interpret(202, "{\"mentionId\":\"x\"}", 1, 1).accepted())
                .isEqualTo(1);
        assertThat(IngestClient.interpret(202, "", 5, 1).accepted()).isEqualTo(5);
    }

    @Test
    void anErrorStatusAcceptsNothingAndKeepsTheReason() {
        IngestClient.Answer answer = IngestClient.interpret(503, "{\"title\":\"unavailable\"}", 4, 1);
        assertThat(answer.accepted()).isZero();
        assertThat(answer.problem()).contains("unavailable");
    }

    @Test
    void registersOnlyTheHashOfEachBenchKey() {
        assertThat(IngestClient.ingestArguments(java.util.List.of("acme")))
                .containsExactly("--ingest.tenants.acme.api-key-sha256[0]="
                        + IngestClient.sha256Hex(IngestClient.benchKey("acme")));
        assertThat(IngestClient.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
