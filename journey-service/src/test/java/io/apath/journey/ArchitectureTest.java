package io.apath.journey;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** House-style boundaries: a plain domain, a topology without Spring, Spring only in binding and api. */
@AnalyzeClasses(packages = "io.apath.journey", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsPlainJava = noClasses()
            .that()
            .resideInAPackage("..journey.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "tools.jackson..", "io.micrometer..", "jakarta..");

    @ArchTest
    static final ArchRule topologyHasNoSpring = noClasses()
            .that()
            .resideInAPackage("..journey.topology..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "io.micrometer..", "jakarta..");

    @ArchTest
    static final ArchRule domainDependsOnNoAdapter = noClasses()
            .that()
            .resideInAPackage("..journey.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..journey.topology..", "..journey.binding..", "..journey.api..");

    @ArchTest
    static final ArchRule topologyKnowsNoAdapter = noClasses()
            .that()
            .resideInAPackage("..journey.topology..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..journey.binding..", "..journey.api..");

    @ArchTest
    static final ArchRule bindingKnowsNoApi = noClasses()
            .that()
            .resideInAPackage("..journey.binding..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..journey.api..");
}
