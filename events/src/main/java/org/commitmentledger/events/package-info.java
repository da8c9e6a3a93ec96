/**
 * The ledger's message contracts: what was recorded, as immutable records that any consumer can read as JSON.
 * Nothing here knows about storage, transport or Spring; this package depends on no other package of the project.
 */
package org.commitmentledger.events;
