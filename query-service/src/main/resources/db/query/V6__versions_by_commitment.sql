-- A page of commitments in id order walks this index and stops once the page is full, checking each version's
-- ranges from the index alone; through commitment_version_at it found every commitment's version and sorted them all.
create index commitment_version_by_id on query.commitment_version (commitment_id, valid_from, recorded_from)
    include (valid_to, recorded_to);
