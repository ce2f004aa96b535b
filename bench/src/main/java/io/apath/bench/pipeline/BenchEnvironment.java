package io.apath.bench.pipeline;

import io.apath.bench.load.LoadProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the bench finds what it starts (the services' boot jars, its own classpath) and where it writes (a work
 * directory per run). The jars are copied into the work directory first, so a colleague's {@code mvn clean} in the
 * shared tree cannot pull them away mid-run. {@code jarsFrom} is the checkout whose services are measured (usually the
 * repository itself; a clean export of the last commit when the shared working tree holds unfinished edits).
 */
public record BenchEnvironment(
        Path repoRoot,
        Path jarsFrom,
        Path workDir,
        String benchClasspath,
        List<String> extraServiceJvmOptions,
        Map<Service, List<String>> serviceArguments,
        boolean profile,
        boolean journeyStaticMembership) {

    /**
     * @param extraArguments extra Spring arguments per service (to try a setting: {@code --journey-arg=--x=y}); ingest
     *     always gets the bench's API-key hashes, see {@code IngestClient}
     * @param journeyStaticMembership journey instances join their group as static members, as the chart's pods do
     *     ({@code journey.staticMembership}); see {@link Pipeline#launch(Service, int, Path, int)}
     */
    public static BenchEnvironment create(
            Path repoRoot,
            Path jarsFrom,
            Path workDir,
            List<String> extraJvmOptions,
            Map<Service, List<String>> extraArguments,
            boolean profile,
            boolean journeyStaticMembership) {
        try {
            Files.createDirectories(workDir.resolve("jars"));
            for (Service service : Service.values()) {
                Path built =
                        jarsFrom.resolve(service.module()).resolve("target").resolve(service.execJarName());
                if (!Files.exists(built)) {
                    throw new IllegalStateException(
                            built + " is missing: build it first (bench/run does: ./mvnw -pl bench -am package)");
                }
                Files.copy(
                        built,
                        workDir.resolve("jars").resolve(service.execJarName()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchEnvironment(
                repoRoot,
                jarsFrom,
                workDir,
                System.getProperty("java.class.path"),
                List.copyOf(extraJvmOptions),
                arguments(extraArguments),
                profile,
                journeyStaticMembership);
    }

    private static Map<Service, List<String>> arguments(Map<Service, List<String>> extra) {
        Map<Service, List<String>> all = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<String> args = new ArrayList<>();
            if (service == Service.INGEST) {
                args.addAll(IngestClient.ingestArguments(LoadProfile.DEFAULT_TENANTS.stream()
                        .map(LoadProfile.TenantShare::tenant)
                        .toList()));
            }
            args.addAll(extra.getOrDefault(service, List.of()));
            all.put(service, List.copyOf(args));
        }
        return all;
    }

    public List<String> arguments(Service service) {
        return serviceArguments.get(service);
    }

    public Path jar(Service service) {
        return workDir.resolve("jars").resolve(service.execJarName());
    }

    /**
     * Deletes the run's copies of the boot jars (~400 MB) once every service JVM of the run has stopped: they only
     * guard the run itself, and twenty runs would otherwise keep 8 GB. Logs, JFR recordings and data stay.
     */
    public void discardJarCopies() {
        for (Service service : Service.values()) {
            try {
                Files.deleteIfExists(jar(service));
            } catch (IOException e) {
                // a copy left behind costs disk, not results
            }
        }
        try {
            Files.deleteIfExists(workDir.resolve("jars"));
        } catch (IOException e) {
            // not empty: something else was put there
        }
    }

    /** JVM options of one service instance (profiling, when asked for, is switched on per measured window). */
    public List<String> serviceJvmOptions(Service service) {
        List<String> options = new ArrayList<>(List.of(service.heap().split(" ")));
        options.add("-XX:+ExitOnOutOfMemoryError");
        options.addAll(extraServiceJvmOptions);
        return options;
    }
}
