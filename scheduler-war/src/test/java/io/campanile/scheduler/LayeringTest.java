package io.campanile.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of package-info.java, checked: each may use only what its description allows. */
@AnalyzeClasses(packages = "io.campanile.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domain_is_plain_java_with_jpa_mappings = noClasses()
            .that()
            .resideInAPackage("..scheduler.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..scheduler.application..",
                    "..scheduler.infrastructure..",
                    "..scheduler.interfaces..",
                    "jakarta.ws.rs..",
                    "jakarta.ejb..",
                    "jakarta.enterprise..",
                    "jakarta.transaction..",
                    "jakarta.inject..");

    @ArchTest
    static final ArchRule application_knows_no_http_ejb_or_infrastructure = noClasses()
            .that()
            .resideInAPackage("..scheduler.application..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..scheduler.infrastructure..",
                    "..scheduler.interfaces..",
                    "jakarta.ws.rs..",
                    "jakarta.ejb..",
                    "jakarta.persistence..");

    @ArchTest
    static final ArchRule infrastructure_does_not_reach_into_the_rest_layer = noClasses()
            .that()
            .resideInAPackage("..scheduler.infrastructure..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..scheduler.interfaces..");
}
