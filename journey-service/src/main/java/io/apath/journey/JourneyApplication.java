package io.apath.journey;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class JourneyApplication {

    /** Reads {@code journey-service.yml}, so the services can share one classpath in local-stack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(JourneyApplication.class)
                .properties(Map.of("spring.config.name", "journey-service"));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
