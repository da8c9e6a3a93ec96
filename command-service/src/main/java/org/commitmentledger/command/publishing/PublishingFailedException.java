package org.commitmentledger.command.publishing;

/** A batch was not acknowledged by Kafka; the processor keeps its token and sends the batch again. */
class PublishingFailedException extends RuntimeException {

    PublishingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
