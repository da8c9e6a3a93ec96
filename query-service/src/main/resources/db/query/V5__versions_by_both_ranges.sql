-- A version counts at (asOf, knownAt) when both points lie in its ranges. One GiST index over the two ranges finds
-- those versions directly; the B-tree on (recorded_to, ...) scanned every current version of every commitment.
-- A version closed at an instant before it was opened (two writers' clocks) holds an empty range, as before.
create index commitment_version_at on query.commitment_version using gist (
    tstzrange(recorded_from, greatest(recorded_from, recorded_to)),
    daterange(valid_from, greatest(valid_from, valid_to)));
