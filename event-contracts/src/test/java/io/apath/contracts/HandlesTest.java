package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandlesTest {

    @Test
    void handlesCompareWithoutCaseBlanksOrTheLeadingAt() {
        assertThat(Handles.normalise(" @AcmeHelp ")).isEqualTo("acmehelp");
        assertThat(Handles.normalise("acmehelp")).isEqualTo("acmehelp");
        assertThat(Handles.normalise("@Acme@Mastodon.Social")).isEqualTo("acme@mastodon.social");
        assertThat(Handles.normalise(null)).isNull();
        assertThat(Handles.normalise("two words"))
                .as("an author's handle is read, never refused")
                .isEqualTo("two words");
    }

    @Test
    void aConfiguredHandleIsOneAccount() {
        assertThat(Handles.configured("@ACME_help")).isEqualTo("acme_help");
        assertThat(Handles.configured("acme@mastodon.social")).isEqualTo("acme@mastodon.social");

        for (String bad : new String[] {"", " ", "@", "@acme @acme_help", "acme\thelp"}) {
            assertThatThrownBy(() -> Handles.configured(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> Handles.configured(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
