package fr.santegraph;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;

/**
 * The package structure a successor can rely on: features depend on libraries and on features below them, never
 * the other way round; controllers map fields to services and repositories, which own the Cypher.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.santegraph");
    }

    @Test
    void noPackageCycle() {
        slices().matching("fr.santegraph.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theLibrariesDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("fr.santegraph.common..", "fr.santegraph.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.santegraph.territory..",
                        "fr.santegraph.practitioner..", "fr.santegraph.catalogue..", "fr.santegraph.producer..",
                        "fr.santegraph.dataset..", "fr.santegraph.indicator..", "fr.santegraph.observation..",
                        "fr.santegraph.search..", "fr.santegraph.dcat..", "fr.santegraph.suggestion..",
                        "fr.santegraph.reference..", "fr.santegraph.config..", "fr.santegraph.density..")
                .check(classes);
    }

    @Test
    void theCatalogueIsTheBaseOfItsFeatures() {
        noClasses().that().resideInAPackage("fr.santegraph.catalogue..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.santegraph.producer..", "fr.santegraph.dataset..",
                        "fr.santegraph.indicator..")
                .check(classes);
        noClasses().that().resideInAPackage("fr.santegraph.producer..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.santegraph.dataset..", "fr.santegraph.indicator..")
                .check(classes);
    }

    @Test
    void controllersRunNoCypher() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.neo4j.driver..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.springframework.data.neo4j.core.Neo4jClient")
                .check(classes);
    }
}
