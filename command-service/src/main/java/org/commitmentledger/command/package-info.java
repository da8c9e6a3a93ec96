/**
 * The command service: the only writer of the ledger. Features live in sub-packages (commitment, publishing);
 * web and security hold what every feature's HTTP API shares.
 */
package org.commitmentledger.command;
