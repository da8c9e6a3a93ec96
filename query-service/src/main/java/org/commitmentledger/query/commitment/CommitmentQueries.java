package org.commitmentledger.query.commitment;

import org.commitmentledger.query.web.TimePoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads commitment versions at a point of both time axes: index lookups on validity ranges, no replay. */
@Component
class CommitmentQueries implements CommitmentCalendar {

    /** The versions that count at (asOf, knownAt): the expressions of the index commitment_version_at. */
    static final String AT = " tstzrange(recorded_from, greatest(recorded_from, recorded_to))"
            + " @> cast(:knownAt as timestamptz)"
            + " and daterange(valid_from, greatest(valid_from, valid_to)) @> cast(:asOf as date) ";

    /** Overdue on asOf: due before it, not fulfilled, not withdrawn (CommitmentState.overdueOn, in SQL). */
    private static final String OVERDUE =
            " coalesce(due_by < :asOf and status <> 'FULFILLED' and not withdrawn, false)";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CommitmentQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record Filter(String party, String status, String category, String document, Boolean overdue) {
    }

    record Page(List<CommitmentState> states, long total) {
    }

    Page list(TimePoint at, Filter filter, String orderBy, int page, int size) {
        StringBuilder where = new StringBuilder(AT);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("knownAt", Timestamp.from(at.knownAt()));
        params.put("asOf", at.asOf());
        if (filter.party() != null) {
            where.append(" and :party = any(parties)");
            params.put("party", filter.party());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            params.put("category", filter.category());
        }
        if (filter.document() != null) {
            where.append(" and document = :document");
            params.put("document", filter.document());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and" : " and not").append(OVERDUE);
        }
        long total = jdbc.sql("select count(*) from query.commitment_version where" + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        // The page is chosen on the narrow columns, then only its rows' states are read: sorting every matching
        // version together with its state (a commitment's whole history of reports) cost more than the rest.
        List<CommitmentState> states = jdbc.sql("select v.state::text from unnest(array(select ctid from"
                                                        + " query.commitment_version where" + where + " order by "
                                                        + orderBy + " limit :limit offset :offset)) with ordinality"
                                                        + " as page(row_id, n) join query.commitment_version v"
                                                        + " on v.ctid = page.row_id order by page.n")
                .params(params)
                .query((row, n) -> json.readValue(row.getString(1), CommitmentState.class))
                .list();
        return new Page(states, total);
    }

    /** What the summary counts, of every commitment: its columns, not its whole state. */
    record Standing(String id, String title, List<String> parties, String category, String document, String status,
                    LocalDate dueBy, boolean overdue) {
    }

    List<Standing> standings(TimePoint at) {
        return jdbc.sql("select commitment_id, title, parties, category, document, status, due_by," + OVERDUE
                                + " from query.commitment_version where" + AT + " order by commitment_id")
                .param("knownAt", Timestamp.from(at.knownAt())).param("asOf", at.asOf())
                .query((row, n) -> new Standing(row.getString(1), row.getString(2),
                                                List.of((String[]) row.getArray(3).getArray()), row.getString(4),
                                                row.getString(5), row.getString(6),
                                                row.getObject(7, LocalDate.class), row.getBoolean(8)))
                .list();
    }

    Optional<CommitmentState> one(String id, TimePoint at) {
        return jdbc.sql("select state::text from query.commitment_version where commitment_id = :id and" + AT)
                .param("id", id).param("knownAt", Timestamp.from(at.knownAt())).param("asOf", at.asOf())
                .query((row, n) -> json.readValue(row.getString(1), CommitmentState.class))
                .optional();
    }

    @Override
    public List<Made> madeBetween(TimePoint at, LocalDate from, LocalDate to) {
        return jdbc.sql("select commitment_id, title, made_on from query.commitment_version where" + AT
                                + " and made_on between :from and :to order by made_on, commitment_id")
                .param("knownAt", Timestamp.from(at.knownAt())).param("asOf", at.asOf())
                .param("from", from).param("to", to)
                .query((row, n) -> new Made(row.getString(1), row.getString(2), row.getObject(3, LocalDate.class)))
                .list();
    }

    @Override
    public Optional<Made> made(String id, TimePoint at) {
        return one(id, at).map(state -> new Made(state.id(), state.title(), state.madeOn()));
    }

    /** The commitment's events that count at this point, in effective-date order. */
    List<TimelineEntry> timeline(String id, TimePoint at) {
        return jdbc.sql("""
                        select sequence, position, event_id, event_type, effective_on, recorded_at, principal,
                               payload::text as payload
                        from query.commitment_event
                        where commitment_id = :id and recorded_at <= :knownAt and effective_on <= :asOf
                        order by effective_on, position""")
                .param("id", id).param("knownAt", Timestamp.from(at.knownAt())).param("asOf", at.asOf())
                .query((row, n) -> new TimelineEntry(
                        row.getString("event_type"), row.getObject("effective_on", LocalDate.class),
                        row.getTimestamp("recorded_at").toInstant(), row.getLong("sequence"),
                        row.getLong("position"), row.getString("event_id"), row.getString("principal"),
                        json.readTree(row.getString("payload"))))
                .list();
    }

    /** The highest event position the read model reflects at this recorded instant. */
    long position(TimePoint at) {
        return jdbc.sql("select coalesce(max(position), 0) from query.commitment_event where recorded_at <= :knownAt")
                .param("knownAt", Timestamp.from(at.knownAt())).query(Long.class).single();
    }

    record TimelineEntry(String type, LocalDate effectiveOn, Instant recordedAt, long sequence, long position,
                         String eventId, String recordedBy, JsonNode event) {
    }
}
