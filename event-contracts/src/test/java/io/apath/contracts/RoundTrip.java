package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden-fixture contract: fixture → record → JSON gives the fixture back, field for field. */
final class RoundTrip {

    private RoundTrip() {}

    static void assertRoundTrips(Fixture fixture) {
        Object value = fixture.read();
        assertThat(value).isInstanceOf(fixture.type);

        String written = Fixture.MAPPER.writeValueAsString(value);

        // Trees, not strings: property order and whitespace are not part of the contract, names and values are.
        assertThat(Fixture.MAPPER.readTree(written))
                .as("%s written back", fixture.fileName)
                .isEqualTo(fixture.tree());
        assertThat(Fixture.MAPPER.readValue(written, fixture.type)).isEqualTo(value);
    }
}
