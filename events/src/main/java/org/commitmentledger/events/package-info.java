/**
 * The ledger's message contracts: what was recorded, as immutable records that any consumer can read as JSON.
 * Nothing here knows about storage, transport or Spring; this package depends on no other package of the project.
 * <p>
 * A component marked {@code @JsonProperty(required = true)}, or of a primitive type, is present and never null in a
 * published event; any other component may be null. The JSON Schema of each event, generated from these records and
 * named by its CloudEvents type, is the resource {@code schemas/<Event>.v<revision>.schema.json}.
 */
package org.commitmentledger.events;
