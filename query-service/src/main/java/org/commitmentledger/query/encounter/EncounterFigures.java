package org.commitmentledger.query.encounter;

import org.commitmentledger.query.web.TimePoint;

import java.util.List;
import java.util.Map;

/** CBP's figures as the ledger holds them at a point of both time axes: what claims are checked against. */
public interface EncounterFigures {

    /** Monthly totals of a slice, from the latest release of each count (or from {@code release} only). */
    MonthlySeries monthly(TimePoint at, DimensionFilter filter, String release);

    /** The labels the figures use for each dimension, such as the citizenship groupings of CBP's file. */
    Map<String, List<String>> labels(TimePoint at);
}
