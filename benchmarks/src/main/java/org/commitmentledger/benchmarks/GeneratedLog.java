package org.commitmentledger.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Events generated in SQL in the ledger's own shapes: commitments of ten events (made, then monthly progress reports,
 * statuses in turn) and monthly encounter series of 120 months. Each is a copy of events the API recorded, with new
 * ids, streams, sequences, dates and counts, appended through the log's own hash-chain trigger, in sequence order
 * across the streams of a call, as concurrent monitors would append.
 */
final class GeneratedLog {

    static final int EVENTS_PER_COMMITMENT = 10;
    static final int MONTHS_PER_SERIES = 120;
    private static final String SERIES_TEMPLATE = "benchtemplate";
    private static final String[] STATUSES = {"IN_PROGRESS", "STALLED", "PARTIALLY_FULFILLED"};

    private final BenchmarkStack stack;
    private final LedgerHttp http = new LedgerHttp();

    GeneratedLog(BenchmarkStack stack) {
        this.stack = stack;
    }

    /** A commitment made and one progress report, recorded through the API: what the generated commitments copy. */
    String commitmentTemplate() throws Exception {
        String id = "template-" + Long.toString(System.nanoTime(), 36);
        http.record(stack.command().resolve("/api/commitments"), """
                {"id": "%s", "title": "Bulk commitment", "parties": ["MX", "US"], "category": "ENFORCEMENT",
                 "madeOn": "2019-06-07", "source": {"document": "benchmark"}}""".formatted(id));
        http.record(stack.command().resolve("/api/commitments/" + id + "/progress"), """
                {"effectiveOn": "2019-07-01", "status": "IN_PROGRESS", "summary": "%s",
                 "source": {"document": "benchmark"}}""".formatted("x".repeat(300)));
        return id;
    }

    /** One month of one series recorded through the API: what the generated series copy. Returns its stream. */
    String seriesTemplate() throws Exception {
        http.record(stack.command().resolve("/api/encounters"), """
                {"period": "2014-01", "count": 100, "component": "Office of Field Operations",
                 "citizenship": "%s", "release": "benchmark", "source": {"document": "benchmark"}}"""
                .formatted(SERIES_TEMPLATE));
        try (Connection connection = stack.connection();
             PreparedStatement select = connection.prepareStatement(
                     "select stream_id from event_store.event_entry where stream_id like ?")) {
            select.setString(1, "%" + SERIES_TEMPLATE + "%");
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("no stream named after " + SERIES_TEMPLATE);
                }
                return row.getString(1);
            }
        }
    }

    /** One transaction per chunk, in sequence order across its streams, as concurrent monitors would append. */
    void writeCommitments(String template, String prefix, long firstCommitment, long lastCommitment) throws Exception {
        try (Connection connection = stack.connection();
             PreparedStatement insert = connection.prepareStatement("""
                     with made as (select * from event_store.event_entry where stream_id = ? and sequence_number = 0),
                          reported as (select * from event_store.event_entry
                                       where stream_id = ? and sequence_number = 1)
                     insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
                         payload_type, payload_revision, payload, meta_data, recorded_at, effective_on)
                     select gen_random_uuid()::text, made.stream_type, ? || c, s,
                            case when s = 0 then made.payload_type else reported.payload_type end,
                            case when s = 0 then made.payload_revision else reported.payload_revision end,
                            case when s = 0
                                 then jsonb_set(made.payload, '{commitmentId}', to_jsonb(? || c))
                                 else jsonb_set(jsonb_set(jsonb_set(jsonb_set(reported.payload,
                                          '{commitmentId}', to_jsonb(? || c)),
                                          '{reportId}', to_jsonb(gen_random_uuid()::text)),
                                          '{effectiveOn}', to_jsonb(('2019-07-01'::date + s * 30 + (c % 20)::int)::text)),
                                          '{status}', to_jsonb((?::text[])[1 + ((c + s) % 3)::int]))
                            end,
                            case when s = 0 then made.meta_data else reported.meta_data end,
                            clock_timestamp(),
                            case when s = 0 then made.effective_on
                                 else '2019-07-01'::date + s * 30 + (c % 20)::int end
                     from generate_series(?::bigint, ?::bigint) c cross join generate_series(0, ?) s, made, reported
                     order by s, c""")) {
            insert.setString(1, template);
            insert.setString(2, template);
            insert.setString(3, prefix);
            insert.setString(4, prefix);
            insert.setString(5, prefix);
            insert.setArray(6, connection.createArrayOf("text", STATUSES));
            insert.setLong(7, firstCommitment);
            insert.setLong(8, lastCommitment);
            insert.setInt(9, EVENTS_PER_COMMITMENT - 1);
            insert.executeUpdate();
        }
    }

    /** Series differ by citizenship; each holds 120 months from 2014-01, in month order across the chunk. */
    void writeSeries(String template, long firstSeries, long lastSeries) throws Exception {
        try (Connection connection = stack.connection();
             PreparedStatement insert = connection.prepareStatement("""
                     with measured as (select * from event_store.event_entry
                                       where stream_id = ? and sequence_number = 0)
                     insert into event_store.event_entry (event_id, stream_type, stream_id, sequence_number,
                         payload_type, payload_revision, payload, meta_data, recorded_at, effective_on)
                     select gen_random_uuid()::text, measured.stream_type,
                            replace(measured.stream_id, ?, 'bench' || i), m,
                            measured.payload_type, measured.payload_revision,
                            jsonb_set(jsonb_set(jsonb_set(measured.payload,
                                '{dimensions,citizenship}', to_jsonb('bench' || i)),
                                '{period}', to_jsonb(to_char(date '2014-01-01' + make_interval(months => m), 'YYYY-MM'))),
                                '{count}', to_jsonb(100 + (i * 31 + m * 17) % 5000)),
                            measured.meta_data, clock_timestamp(),
                            (date '2014-01-01' + make_interval(months => m + 1))::date - 1
                     from generate_series(?::bigint, ?::bigint) i cross join generate_series(0, ?) m, measured
                     order by m, i""")) {
            insert.setString(1, template);
            insert.setString(2, SERIES_TEMPLATE);
            insert.setLong(3, firstSeries);
            insert.setLong(4, lastSeries);
            insert.setInt(5, MONTHS_PER_SERIES - 1);
            insert.executeUpdate();
        }
    }
}
