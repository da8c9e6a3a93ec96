/**
 * Real infrastructure for integration tests and the local run: PostgreSQL and Kafka from Testcontainers, from
 * environment variables, or embedded in this machine's JVM and processes. Nothing here is a mock.
 */
package org.commitmentledger.testsupport;
