/**
 * Encounters: CBP's monthly counts, one stream per slice of its figures, recorded per release so that revisions
 * supersede and never overwrite.
 */
package org.commitmentledger.command.encounter;
