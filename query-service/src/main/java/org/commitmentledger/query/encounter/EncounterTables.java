package org.commitmentledger.query.encounter;

/** The table the encounter projection writes: live, or the next generation a rebuild fills. */
record EncounterTables(String counts) {

    static final EncounterTables LIVE = new EncounterTables("query.encounter_count");
    static final EncounterTables NEXT = new EncounterTables("query.encounter_count_next");
}
