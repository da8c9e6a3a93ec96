package org.commitmentledger.command.encounter;

import java.util.List;

/** Record a set of counts at once: all of them, or none if one breaks a rule. */
record RecordEncounters(List<Measurement> measurements) {
}
