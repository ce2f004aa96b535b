package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MentionIdTest {

    @Test
    void samePostGetsTheSameIdEveryTime() {
        assertThat(MentionId.of("acme", "mastodon", "113427718930218465"))
                .isEqualTo(MentionId.of("acme", "mastodon", "113427718930218465"));
    }

    @Test
    void idIsPinnedSoThatItNeverChangesAcrossReleases() {
        // Changing the derivation would break deduplication against everything already on the topics.
        assertThat(MentionId.of("acme", "mastodon", "113427718930218465").value())
                .isEqualTo("d4450b998c06d663805eb15eb9f3b9eb");
    }

    @Test
    void isThirtyTwoLowerCaseHexDigits() {
        assertThat(MentionId.of("acme", "mastodon", "1").value()).matches("[0-9a-f]{32}");
    }

    @Test
    void tenantPlatformAndNativeIdEachChangeTheId() {
        MentionId id = MentionId.of("acme", "mastodon", "1");

        assertThat(MentionId.of("globex", "mastodon", "1")).isNotEqualTo(id);
        assertThat(MentionId.of("acme", "bluesky", "1")).isNotEqualTo(id);
        assertThat(MentionId.of("acme", "mastodon", "2")).isNotEqualTo(id);
    }

    @Test
    void partsCannotBeShiftedIntoEachOther() {
        // The NUL separator keeps ("ab", "c") and ("a", "bc") apart.
        assertThat(MentionId.of("acme", "mastodon1", "23")).isNotEqualTo(MentionId.of("acme", "mastodon", "123"));
    }

    @Test
    void rejectsBlankIds() {
        assertThatThrownBy(() -> new MentionId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MentionId(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isWrittenAsAPlainString() {
        MentionId id = MentionId.of("acme", "mastodon", "1");

        assertThat(Fixture.MAPPER.writeValueAsString(id)).isEqualTo("\"" + id.value() + "\"");
        assertThat(Fixture.MAPPER.readValue("\"" + id.value() + "\"", MentionId.class))
                .isEqualTo(id);
    }
}
