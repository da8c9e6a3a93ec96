package org.commitmentledger.command.encounter;

/**
 * What recording counts answers.
 *
 * @param recorded   counts recorded for the first time
 * @param superseded counts that replace a different count of an earlier release
 * @param unchanged  counts the ledger already held, from this release or an earlier one; nothing recorded
 */
record EncountersRecorded(int recorded, int superseded, int unchanged) {

    EncountersRecorded plus(EncounterSeries.Outcome outcome) {
        return switch (outcome) {
            case RECORDED -> new EncountersRecorded(recorded + 1, superseded, unchanged);
            case SUPERSEDED -> new EncountersRecorded(recorded, superseded + 1, unchanged);
            case UNCHANGED -> new EncountersRecorded(recorded, superseded, unchanged + 1);
        };
    }
}
