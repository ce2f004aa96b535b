package io.apath.ingest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The boundaries of house style: a plain domain, adapters around it, Kafka only in binding. */
@AnalyzeClasses(packages = "io.apath.ingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..ingest.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "tools.jackson..", "io.micrometer..", "jakarta..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("..ingest.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..ingest.api..",
                    "..ingest.binding..",
                    "..ingest.source..",
                    "..ingest.connector..",
                    "..ingest.importer..");

    @ArchTest
    static final ArchRule onlyBindingTalksToKafka = noClasses()
            .that()
            .resideOutsideOfPackage("..ingest.binding..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.apache.kafka..");

    @ArchTest
    static final ArchRule sourcesAndConnectorsKnowNoSpringWeb = noClasses()
            .that()
            .resideInAnyPackage("..ingest.source..", "..ingest.connector..", "..ingest.importer..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework.web..", "jakarta.servlet..");
}
