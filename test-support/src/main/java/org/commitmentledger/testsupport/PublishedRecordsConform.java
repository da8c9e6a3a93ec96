package org.commitmentledger.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Fails the test (or, for records published after its last test, the test class) during which a service published
 * a record that breaks the contract, as {@link ContractCheckingInterceptor} saw it.
 */
public final class PublishedRecordsConform implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failOnViolations();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnViolations();
    }

    private static void failOnViolations() {
        List<String> violations = ContractCheckingInterceptor.drain();
        if (!violations.isEmpty()) {
            throw new AssertionError("published records break the contract:\n" + String.join("\n", violations));
        }
    }
}
