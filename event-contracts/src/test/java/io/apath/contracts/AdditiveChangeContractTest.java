package io.apath.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.node.ObjectNode;

/** Within v1 only additive change is allowed, so a v1 reader must accept fields a later v1 writer adds. */
class AdditiveChangeContractTest {

    @ParameterizedTest
    @EnumSource(Fixture.class)
    void readersIgnoreFieldsAddedLaterInV1(Fixture fixture) {
        ObjectNode newer = (ObjectNode) fixture.tree();
        newer.put("addedInALaterV1", "ignored by older readers");
        newer.putObject("alsoAdded").put("nested", 1);

        assertThat(Fixture.MAPPER.treeToValue(newer, fixture.type)).isEqualTo(fixture.read());
    }
}
