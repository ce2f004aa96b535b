package io.apath.bench.pipeline;

import java.net.URI;
import java.nio.file.Path;

/** One running service JVM. {@code stateDir} is journey's RocksDB directory, null for the others. */
public record ServiceInstance(Service service, String name, JvmProcess process, int port, Path stateDir) {

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
