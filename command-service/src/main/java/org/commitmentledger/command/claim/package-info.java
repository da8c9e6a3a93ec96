/** Claims: what a party said about an outcome, recorded as said. */
package org.commitmentledger.command.claim;
