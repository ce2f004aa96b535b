package io.apath.classifier;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

@SpringBootApplication
public class ClassifierApplication {

    /** Reads {@code classifier-service.yml}, so the services can share one classpath in local-stack. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(ClassifierApplication.class)
                .properties(Map.of("spring.config.name", "classifier-service"));
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
