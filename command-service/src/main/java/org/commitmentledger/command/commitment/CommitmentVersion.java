package org.commitmentledger.command.commitment;

/** What a write answers: the commitment and the version it is now at (the ETag to send back in If-Match). */
record CommitmentVersion(String id, long version) {

    String etag() {
        return "\"" + version + "\"";
    }
}
