package io.apath.reliability.harness;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * The network between one service and the broker: a netcrusher TCP proxy in the test JVM. {@link #cut()} is a
 * black hole (connections stay open, no byte moves, new connections hang), the nastiest kind of partition because
 * nothing tells the client it happened; {@link #slowDown(long)} limits the bytes per second both ways.
 */
public final class BrokerLink implements AutoCloseable {

    private final TcpCrusher crusher;
    private final SwitchableRate incoming = new SwitchableRate();
    private final SwitchableRate outgoing = new SwitchableRate();

    BrokerLink(NioReactor reactor, int proxyPort, int brokerListenerPort) {
        this.crusher = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress("127.0.0.1", proxyPort)
                .withConnectAddress("127.0.0.1", brokerListenerPort)
                .withIncomingThrottlerFactory(address -> incoming)
                .withOutgoingThrottlerFactory(address -> outgoing)
                .buildAndOpen();
    }

    public void cut() {
        crusher.freeze();
    }

    public void restore() {
        crusher.unfreeze();
    }

    /** @param bytesPerSecond the rate each way, or 0 for full speed */
    public void slowDown(long bytesPerSecond) {
        incoming.bytesPerSecond = bytesPerSecond;
        outgoing.bytesPerSecond = bytesPerSecond;
    }

    @Override
    public void close() {
        crusher.close();
    }

    /** A byte-rate limit that can be switched while connections are open (netcrusher's own is fixed at build). */
    private static final class SwitchableRate implements Throttler {
        volatile long bytesPerSecond;
        private long nextFreeNanos;

        @Override
        public synchronized long calculateDelayNs(ByteBuffer buffer) {
            long rate = bytesPerSecond;
            if (rate <= 0) {
                return NO_DELAY_NS;
            }
            long now = System.nanoTime();
            long start = Math.max(now, nextFreeNanos);
            nextFreeNanos = start + TimeUnit.SECONDS.toNanos(buffer.remaining()) / rate;
            return Math.max(NO_DELAY_NS, start - now);
        }
    }
}
