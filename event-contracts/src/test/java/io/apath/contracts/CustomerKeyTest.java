package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerKeyTest {

    @Test
    void splitsIntoTenantPlatformAndAuthor() {
        CustomerKey key = new CustomerKey("acme:mastodon:109348572361093847");

        assertThat(key.tenant()).isEqualTo("acme");
        assertThat(key.platform()).isEqualTo("mastodon");
        assertThat(key.authorId()).isEqualTo("109348572361093847");
        assertThat(key).hasToString("acme:mastodon:109348572361093847");
    }

    @Test
    void authorIdMayContainColons() {
        CustomerKey key = CustomerKey.of("acme", "bluesky", "did:plc:z72i7hdynmk6r22z27h6tvur");

        assertThat(key.value()).isEqualTo("acme:bluesky:did:plc:z72i7hdynmk6r22z27h6tvur");
        assertThat(key.platform()).isEqualTo("bluesky");
        assertThat(key.authorId()).isEqualTo("did:plc:z72i7hdynmk6r22z27h6tvur");
        assertThat(new CustomerKey(key.value())).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acme", "acme:mastodon", "acme:mastodon:", ":mastodon:1", "acme::1", "::", "acme:1"})
    void rejectsKeysWithoutAllThreeParts(String value) {
        assertThatThrownBy(() -> new CustomerKey(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenant:platform:authorId");
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> new CustomerKey(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void tenantAndPlatformMayNotContainColons() {
        assertThatThrownBy(() -> CustomerKey.of("acme:eu", "mastodon", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CustomerKey.of("acme", "masto:don", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isWrittenAsAPlainString() {
        CustomerKey key = CustomerKey.of("acme", "mastodon", "109348572361093847");

        String json = Fixture.MAPPER.writeValueAsString(key);

        assertThat(json).isEqualTo("\"acme:mastodon:109348572361093847\"");
        assertThat(Fixture.MAPPER.readValue(json, CustomerKey.class)).isEqualTo(key);
    }

    @Test
    void agreesWithTheSchemaPattern() {
        String pattern = Schemas.tree("suppression.schema.json")
                .at("/$defs/CustomerKey/pattern")
                .asString();

        assertThat("acme:bluesky:did:plc:z72i7hdynmk6r22z27h6tvur").matches(pattern);
        for (String invalid : new String[] {"acme:mastodon:", "acme::1", ":mastodon:1", "acme:mastodon"}) {
            assertThat(invalid).doesNotMatch(pattern);
            assertThatThrownBy(() -> new CustomerKey(invalid)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
