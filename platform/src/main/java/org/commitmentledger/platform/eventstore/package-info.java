/**
 * The PostgreSQL event store both services share: its schema, Axon's storage engine for it, and the tracking token
 * that never skips a late commit. It knows the contracts in {@code events} and nothing of either service.
 */
package org.commitmentledger.platform.eventstore;
