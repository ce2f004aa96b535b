package io.apath.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the bench finds what it starts (the services' boot jars, its own classpath) and where it writes (a work
 * directory per run). The jars are copied into the work directory first, so a colleague's {@code mvn clean} in the
 * shared tree cannot pull them away mid-run.
 */
public record BenchEnvironment(
        Path repoRoot,
        Path workDir,
        String benchClasspath,
        List<String> extraServiceJvmOptions,
        List<String> ingestArguments,
        boolean profile) {

    /**
     * @param ingestArguments extra Spring arguments for ingest (e.g. its API-key hashes), see {@code IngestClient}
     */
    public static BenchEnvironment create(
            Path repoRoot, Path workDir, List<String> extraJvmOptions, List<String> ingestArguments, boolean profile) {
        try {
            Files.createDirectories(workDir.resolve("jars"));
            for (Service service : Service.values()) {
                Path built =
                        repoRoot.resolve(service.module()).resolve("target").resolve(service.execJarName());
                if (!Files.exists(built)) {
                    throw new IllegalStateException(
                            built + " is missing: build it first (bench/run does: ./mvnw -pl bench -am package)");
                }
                Files.copy(
                        built,
                        workDir.resolve("jars").resolve(service.execJarName()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchEnvironment(
                repoRoot,
                workDir,
                System.getProperty("java.class.path"),
                List.copyOf(extraJvmOptions),
                java.util.stream.Stream.concat(
                                IngestClient.ingestArguments(io.apath.bench.load.LoadProfile.DEFAULT_TENANTS.stream()
                                                .map(io.apath.bench.load.LoadProfile.TenantShare::tenant)
                                                .toList())
                                        .stream(),
                                ingestArguments.stream())
                        .toList(),
                profile);
    }

    public Path jar(Service service) {
        return workDir.resolve("jars").resolve(service.execJarName());
    }

    /** JVM options of one service instance; with profiling on, a JFR recording dumped when the JVM exits. */
    public List<String> serviceJvmOptions(Service service, String instanceName) {
        List<String> options = new ArrayList<>(List.of(service.heap(), "-XX:+ExitOnOutOfMemoryError"));
        if (profile) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + workDir.resolve("jfr").resolve(instanceName + ".jfr"));
        }
        options.addAll(extraServiceJvmOptions);
        return options;
    }
}
