package io.apath.reliability.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM the suite starts, kills and starts again with the same command. Every incarnation logs to its own file
 * ({@code <name>-<n>.log}), so a run's logs show what each process did around each fault.
 */
public final class JvmProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JvmProcess.class);

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path logDir;
    private Process process;
    private int incarnation;

    public JvmProcess(String name, List<String> jvmArgsAndMain, Map<String, String> environment, Path logDir) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgsAndMain);
        this.command = List.copyOf(cmd);
        this.environment = Map.copyOf(environment);
        this.logDir = logDir;
    }

    public String name() {
        return name;
    }

    public synchronized void start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        incarnation++;
        try {
            Files.createDirectories(logDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(currentLog().toFile());
            builder.environment().putAll(environment);
            process = builder.start();
            Process started = process;
            // If the test JVM ends abruptly (Ctrl-C, surefire timeout), take the child along: never leave a stray
            // broker or service running on a shared machine.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
            log.info("{} started (incarnation {}, pid {})", name, incarnation, process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /** Waits until {@code ready} holds, failing early (with the log's tail) if the process dies first. */
    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "\n" + tail());
    }

    /** {@code kill -9}: no shutdown hook, no flush, no offset commit, no transaction abort. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly(); // SIGKILL on Linux
            waitFor(Duration.ofSeconds(30));
            log.info("{} killed -9 (incarnation {})", name, incarnation);
        }
    }

    /** SIGTERM and wait: a clean stop, as Kubernetes does before it kills. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
            log.info("{} stopped (incarnation {})", name, incarnation);
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized int incarnations() {
        return incarnation;
    }

    public Path currentLog() {
        return logDir.resolve(name + "-" + incarnation + ".log");
    }

    public boolean logContains(String text) {
        try {
            return Files.exists(currentLog()) && Files.readString(currentLog()).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every incarnation's log, for checks over a whole run (for example: nothing sensitive was logged). */
    public List<Path> allLogs() {
        List<Path> logs = new ArrayList<>();
        for (int i = 1; i <= incarnation; i++) {
            logs.add(logDir.resolve(name + "-" + i + ".log"));
        }
        return logs;
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(currentLog());
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // polling interval of a readiness loop, not a test wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kill();
    }
}
