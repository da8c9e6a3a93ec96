/**
 * Auditors' access to the raw event log: the events with everything recorded about them, and the proof that the log
 * was not altered. Reads the log through the platform's event store only; knows no read model.
 */
package org.commitmentledger.query.audit;
