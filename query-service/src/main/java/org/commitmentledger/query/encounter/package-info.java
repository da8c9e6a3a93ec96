/**
 * Encounters: CBP's monthly counts on both time axes, the trends derived from them, and a chart. Offers
 * {@link org.commitmentledger.query.encounter.EncounterFigures} to other features; knows commitments only through
 * their calendar.
 */
package org.commitmentledger.query.encounter;
