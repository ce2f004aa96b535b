package io.apath.nativelz4;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.stream.Stream;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.ResolvableType;

class NativeLz4Test {

    /**
     * In a boot jar, lz4-java is not on the system class loader. A class loader of its own (parent: the platform
     * loader, so nothing is shared with this test's classpath) puts lz4-java in the same position.
     */
    @Test
    void kafkasCodecLookupFindsTheJniCodecOnceTheLibraryIsLoadedOutsideTheSystemClassLoader() throws Exception {
        try (URLClassLoader bootLike = new URLClassLoader(
                codeSources(
                        NativeLz4.class,
                        Native.class,
                        LoggerFactory.class,
                        ApplicationListener.class,
                        ApplicationStartingEvent.class,
                        ResolvableType.class),
                ClassLoader.getPlatformClassLoader())) {
            assertThat(fastestLz4(bootLike))
                    .as("before: the fallback Kafka used in the services")
                    .contains("JavaSafe");

            Object loaded = bootLike.loadClass(NativeLz4.class.getName())
                    .getMethod("load")
                    .invoke(null);

            assertThat(loaded).isEqualTo(true);
            assertThat(fastestLz4(bootLike)).contains("JNI");
        }
    }

    @Test
    void loadingTwiceIsHarmless() {
        assertThat(NativeLz4.load()).isTrue();
        assertThat(NativeLz4.load()).isTrue();
        assertThat(LZ4Factory.fastestInstance().toString()).contains("JNI");
    }

    /** What {@code LZ4Factory.fastestInstance()}, the call Kafka's LZ4 streams make, returns in that loader. */
    private static String fastestLz4(ClassLoader loader) throws ReflectiveOperationException {
        return String.valueOf(loader.loadClass(LZ4Factory.class.getName())
                .getMethod("fastestInstance")
                .invoke(null));
    }

    private static URL[] codeSources(Class<?>... classes) {
        return Stream.of(classes)
                .map(c -> c.getProtectionDomain().getCodeSource().getLocation())
                .distinct()
                .toArray(URL[]::new);
    }
}
