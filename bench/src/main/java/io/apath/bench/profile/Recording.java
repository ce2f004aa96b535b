package io.apath.bench.profile;

import io.apath.bench.pipeline.ServiceInstance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JFR recording ({@code settings=profile}) in every service JVM over exactly the measured window, started and dumped
 * through {@code jcmd}, so start-up and warm-up do not crowd the profile.
 */
public final class Recording {

    private final List<ServiceInstance> instances;
    private final Path dir;
    private final String label;

    private Recording(List<ServiceInstance> instances, Path dir, String label) {
        this.instances = List.copyOf(instances);
        this.dir = dir;
        this.label = label;
    }

    public static Recording start(List<ServiceInstance> instances, Path dir, String label) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
        for (ServiceInstance instance : instances) {
            jcmd(instance, "JFR.start", "name=bench", "settings=profile");
        }
        return new Recording(instances, dir, label);
    }

    /** Dumps each JVM's recording to {@code <dir>/<instance>-<label>.jfr} and stops it. */
    public List<Path> stop() {
        List<Path> files = new ArrayList<>();
        for (ServiceInstance instance : instances) {
            Path file = dir.resolve(instance.name() + "-" + label + ".jfr");
            jcmd(instance, "JFR.dump", "name=bench", "filename=" + file);
            jcmd(instance, "JFR.stop", "name=bench");
            if (Files.exists(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static void jcmd(ServiceInstance instance, String... command) {
        List<String> args = new ArrayList<>();
        args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        args.add(Long.toString(instance.process().pid()));
        args.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("jcmd failed for " + instance.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
