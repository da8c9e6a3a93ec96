/**
 * Commitments: what the parties committed to and what monitors report about it. The aggregate decides; the controller
 * turns requests into commands and rule violations into problems.
 */
package org.commitmentledger.command.commitment;
