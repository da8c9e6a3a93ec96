/**
 * Commitments: where each one stands, on both time axes, as versions with validity ranges. Offers
 * {@link org.commitmentledger.query.commitment.CommitmentCalendar} to other features and depends on none.
 */
package org.commitmentledger.query.commitment;
