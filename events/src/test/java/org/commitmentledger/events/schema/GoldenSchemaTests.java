package org.commitmentledger.events.schema;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

class GoldenSchemaTests {

    @TestFactory
    Stream<DynamicTest> everyRevisionStillAcceptsWhatItsGoldenCopyAccepted() {
        return SchemaFiles.list(SchemaFiles.GOLDEN).stream().map(golden -> dynamicTest(
                golden.getFileName().toString(), () -> {
                    Path published = SchemaFiles.PUBLISHED.resolve(golden.getFileName());
                    assertThat(published).as("a revision once published stays published").exists();
                    assertThat(SchemaCompatibility.breakingChanges(SchemaFiles.read(golden),
                                                                   SchemaFiles.read(published)))
                            .as("changes to %s that consumers of its revision cannot take; give the event a new "
                                        + "@Revision instead", published.getFileName())
                            .isEmpty();
                }));
    }

    @Test
    void everyPublishedRevisionHasAGoldenCopy() {
        assertThat(SchemaFiles.list(SchemaFiles.GOLDEN).stream().map(Path::getFileName))
                .as("golden copies; %s writes the missing ones", SchemaFiles.REGENERATE_COMMAND)
                .containsExactlyElementsOf(SchemaFiles.list(SchemaFiles.PUBLISHED).stream().map(Path::getFileName)
                                                   .toList());
    }
}
