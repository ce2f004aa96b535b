package io.apath.ingest;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class IngestApplication {

    /**
     * Reads {@code ingest-service.yml}, not {@code application.yml}, so the three services can share one classpath
     * (local-stack) without their configuration files shadowing each other.
     */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(IngestApplication.class)
                .properties(Map.of("spring.config.name", "ingest-service"));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
