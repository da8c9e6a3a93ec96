package org.commitmentledger.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.commitmentledger.query");

    @Test
    void commitmentsDependOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..query.commitment..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.encounter..", "..query.claim..")
                .check(SERVICE);
    }

    @Test
    void encountersKnowNothingOfClaims() {
        noClasses().that().resideInAPackage("..query.encounter..")
                .should().dependOnClassesThat().resideInAPackage("..query.claim..")
                .check(SERVICE);
    }

    @Test
    void rebuildsKnowProjectionsOnlyThroughTheirInterface() {
        noClasses().that().resideInAPackage("..query.rebuild..")
                .should().dependOnClassesThat().resideInAnyPackage("..query.commitment..", "..query.encounter..",
                                                                   "..query.claim..")
                .check(SERVICE);
    }

    @Test
    void projectionsNeverReadTheClock() {
        noClasses().that().haveSimpleNameEndingWith("Projection")
                .or().haveSimpleNameEndingWith("Versions").or().haveSimpleNameEndingWith("State")
                .should().dependOnClassesThat().belongToAnyOf(java.time.Clock.class)
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .because("a projection's dates come from the events, so a rebuild gives the same answer")
                .check(SERVICE);
    }
}
