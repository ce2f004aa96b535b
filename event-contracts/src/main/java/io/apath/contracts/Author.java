package io.apath.contracts;

import java.util.Objects;

/** The account that wrote a mention, as the platform shows it. {@code followers} may be unknown (null). */
public record Author(String id, String handle, String displayName, Long followers) {

    public Author {
        Objects.requireNonNull(id, "author.id");
    }
}
