/**
 * The query service: projects the event log into read models and answers reads. It never writes an event. Features
 * live in sub-packages, each with its projection, its tables and its HTTP API.
 */
package org.commitmentledger.query;
