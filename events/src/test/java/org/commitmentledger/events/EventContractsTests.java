package org.commitmentledger.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class EventContractsTests {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.commitmentledger.events");

    @Test
    void contractsDependOnNothingButTheJdkAndTwoAnnotations() {
        ArchRule rule = classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.commitmentledger.events..", "com.fasterxml.jackson.annotation..")
                .orShould().dependOnClassesThat().belongToAnyOf(Revision.class)
                .because("consumers read these records without Spring, Axon or a database");
        rule.check(CONTRACTS);
    }

    @Test
    void everyEventIsARecordWithARevision() {
        ArchRule rule = classes().that().implement(LedgerEvent.class).and().areNotInterfaces()
                .should().beRecords().andShould().beAnnotatedWith(Revision.class)
                .because("events are immutable and their schema is versioned");
        rule.check(CONTRACTS);
    }
}
