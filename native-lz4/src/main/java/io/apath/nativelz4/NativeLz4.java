package io.apath.nativelz4;

import net.jpountz.util.Native;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Makes Kafka's LZ4 compression use lz4-java's native (JNI) codec in a service started from its Spring Boot jar.
 *
 * <p>Kafka asks {@code LZ4Factory.fastestInstance()} (and {@code XXHashFactory.fastestInstance()} for the frame
 * checksum) for a codec. lz4-java only tries its JNI library there if the library is loaded already or its classes
 * came from the system class loader. A boot jar's classes come from Boot's own class loader, so every producer fell
 * back to the pure-Java "safe" codec: 12 % of journey's CPU, 9 % of the classifier's and 16 % of ingest's in the
 * bench profiles. Loading the library before any Kafka client exists makes the same call return the JNI codec. The
 * library ships inside lz4-java's jar and is unpacked to {@code java.io.tmpdir}, as RocksDB's is.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so a service gets it by depending on this module. Where the
 * library cannot load (an unsupported platform, a temp directory that is not executable), Kafka keeps the Java codec,
 * which writes the same format; a warning says so.
 */
public final class NativeLz4 implements ApplicationListener<ApplicationStartingEvent> {

    private static final Logger log = LoggerFactory.getLogger(NativeLz4.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        load();
    }

    /** Loads the JNI library once per class loader; true if it is loaded. Safe to call again. */
    public static boolean load() {
        try {
            Native.load();
            return true;
        } catch (Throwable e) { // UnsatisfiedLinkError, or an I/O failure unpacking the library
            log.warn(
                    "lz4-java's native library did not load ({}); Kafka compresses with its slower Java codec",
                    e.toString());
            return false;
        }
    }
}
