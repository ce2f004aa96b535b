package io.apath.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void optionsCollectRepeatedValuesAndFlags() {
        Options o = Options.parse(
                java.util.List.of("--rates=500,2_000", "--api-key=acme=k1", "--api-key=globex=k2", "--profile"));
        assertThat(o.integers("rates", "1")).containsExactly(500, 2000);
        assertThat(o.all("api-key")).containsExactly("acme=k1", "globex=k2");
        assertThat(o.flag("profile")).isTrue();
        assertThat(o.flag("no-append")).isFalse();
        assertThat(o.integer("duration", 30)).isEqualTo(30);
    }
}
