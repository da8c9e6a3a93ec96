/**
 * Publishing: every recorded event goes to a Kafka topic, at least once, in order per stream, as a CloudEvent.
 * Reads the event store through Axon; knows nothing of the features that record events.
 */
package org.commitmentledger.command.publishing;
