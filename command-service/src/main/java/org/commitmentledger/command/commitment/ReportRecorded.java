package org.commitmentledger.command.commitment;

/** What reporting progress answers: the commitment's new version and the id of the report, given or generated. */
record ReportRecorded(long version, String reportId) {
}
