package io.apath.classifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** House-style boundaries: plain domain and model, Spring and Kafka only in adapters, the CLI without Spring. */
@AnalyzeClasses(packages = "io.apath.classifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainAndModelArePlainJava = noClasses()
            .that()
            .resideInAnyPackage("..classifier.domain..", "..classifier.model..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "tools.jackson..", "io.micrometer..", "jakarta..");

    @ArchTest
    static final ArchRule trainingAndCliNeedNoSpring = noClasses()
            .that()
            .resideInAnyPackage("..classifier.training..", "..classifier.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..");

    @ArchTest
    static final ArchRule coreDependsOnNoAdapter = noClasses()
            .that()
            .resideInAnyPackage("..classifier.domain..", "..classifier.model..", "..classifier.training..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..classifier.binding..", "..classifier.api..", "..classifier.cli..");

    @ArchTest
    static final ArchRule onlyBindingTalksToKafka = noClasses()
            .that()
            .resideOutsideOfPackages("..classifier.binding..", "..classifier.api..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

    @ArchTest
    static final ArchRule onlyTheEncoderAdapterTalksToOnnx = noClasses()
            .that()
            .resideOutsideOfPackage("..classifier.encoder..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("ai.onnxruntime..", "ai.djl..");
}
