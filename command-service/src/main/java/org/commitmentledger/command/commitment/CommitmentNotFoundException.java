package org.commitmentledger.command.commitment;

class CommitmentNotFoundException extends RuntimeException {

    CommitmentNotFoundException(String id) {
        super("No commitment with id " + id);
    }
}
