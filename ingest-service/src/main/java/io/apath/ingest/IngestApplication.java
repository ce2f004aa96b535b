package io.apath.ingest;

import io.apath.ingest.importer.MentionImport;
import java.util.Arrays;
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

    /** {@code import FILE ...} runs the bulk import client instead of the service. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            MentionImport.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        application().run(args);
    }
}
