/**
 * Safe retries: a request with an Idempotency-Key records its events once and always gets the same answer. Used by
 * the features' controllers; knows nothing of any feature.
 */
package org.commitmentledger.command.idempotency;
