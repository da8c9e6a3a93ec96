package org.commitmentledger.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.commitmentledger.command");

    @Test
    void featuresDoNotKnowEachOther() {
        slices().matching("org.commitmentledger.command.(commitment|encounter)..").should().notDependOnEachOther()
                .check(SERVICE);
    }

    @Test
    void publishingKnowsNoFeature() {
        noClasses().that().resideInAPackage("..publishing..")
                .should().dependOnClassesThat().resideInAnyPackage("..commitment..", "..encounter..")
                .check(SERVICE);
    }

    @Test
    void sharedWebAndIdempotencyCodeKnowsNoFeature() {
        noClasses().that().resideInAnyPackage("..command.web..", "..command.idempotency..")
                .should().dependOnClassesThat().resideInAnyPackage("..command.commitment..", "..command.encounter..")
                .check(SERVICE);
    }

    @Test
    void aggregatesAreHiddenInsideTheirFeature() {
        classes().that().areAnnotatedWith(Aggregate.class).should().notBePublic().check(SERVICE);
    }
}
