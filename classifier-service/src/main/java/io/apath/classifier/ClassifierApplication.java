package io.apath.classifier;

import io.apath.classifier.cli.ClassifierCli;
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

    /** {@code java -jar classifier-service-exec.jar [train|evaluate|classify|bench ...]}: the model CLI, else the service. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ClassifierCli.COMMANDS.contains(args[0])) {
            ClassifierCli.main(args);
            return;
        }
        application().run(args);
    }
}
