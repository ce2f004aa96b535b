package io.apath.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for brokers and services that must be told their port before they bind it (a KRaft broker's
 * listeners, a service's {@code PORT}). A port from {@code new ServerSocket(0)} lies in the kernel's ephemeral range,
 * which every outgoing connection on the machine draws its local port from, so between the pick and the bind any
 * connection could take it: a fault-suite broker failed that way ("Address already in use"). These ports come from
 * below that range instead, where only a deliberate bind can take them, and none is handed out twice by one JVM.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {}

    /** A port on 127.0.0.1 that nothing listens on now and this JVM has not handed out before. */
    public static int free() {
        int ephemeralStart = ephemeralRangeStart();
        if (ephemeralStart - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < 200; attempt++) {
                int port = LOWEST + ThreadLocalRandom.current().nextInt(ephemeralStart - LOWEST);
                if (HANDED_OUT.add(port)) {
                    if (bindable(port)) {
                        return port;
                    }
                }
            }
        }
        // an unusual port-range setting, or a crowded machine: the kernel's choice, still never twice
        for (int attempt = 0; attempt < 200; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on loopback", e);
            }
        }
        throw new IllegalStateException("no free port on loopback");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }

    /** The first port of {@code net.ipv4.ip_local_port_range} (Linux); 32768, its default, elsewhere. */
    static int ephemeralRangeStart() {
        try {
            // readAllLines, not readString: on JDK 17 readString returned only "3" of this /proc file (its size reads
            // 0)
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .get(0);
            return Integer.parseInt(range.trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
