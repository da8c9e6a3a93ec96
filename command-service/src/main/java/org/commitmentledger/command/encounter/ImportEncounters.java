package org.commitmentledger.command.encounter;

import java.util.List;

/** Record a whole file's counts at once: all of them, or none if one breaks a rule. */
record ImportEncounters(List<Measurement> measurements) {
}
