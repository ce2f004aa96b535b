package io.apath.ingest.domain;

import java.util.Optional;

/** Where a pull connector remembers how far it got; {@link #save} returns only once the checkpoint is durable. */
public interface Checkpoints {

    Optional<String> load(String connectorId);

    void save(String connectorId, String checkpoint);
}
