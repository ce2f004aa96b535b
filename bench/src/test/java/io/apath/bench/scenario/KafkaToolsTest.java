package io.apath.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KafkaToolsTest {

    @Test
    void findsTheLastLineAPatternMatches() {
        String out = "a 1\nb\na 2\n";
        assertThat(KafkaTools.lastMatch(Pattern.compile("a (\\d)"), out)
                        .orElseThrow()
                        .group(1))
                .isEqualTo("2");
        assertThat(KafkaTools.lastMatch(Pattern.compile("zzz"), out)).isEmpty();
    }
}
