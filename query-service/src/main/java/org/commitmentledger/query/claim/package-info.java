/**
 * Claims: what the parties said about outcomes, and whether CBP's figures bear it out. Depends on the encounter
 * feature's figures; nothing depends on it.
 */
package org.commitmentledger.query.claim;
