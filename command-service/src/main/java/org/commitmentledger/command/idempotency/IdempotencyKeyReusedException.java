package org.commitmentledger.command.idempotency;

/** The same Idempotency-Key came with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }
}
