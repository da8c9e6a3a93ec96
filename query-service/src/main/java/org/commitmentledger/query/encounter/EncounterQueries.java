package org.commitmentledger.query.encounter;

import org.commitmentledger.query.web.TimePoint;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Component
class EncounterQueries implements EncounterFigures {

    private final JdbcClient jdbc;

    EncounterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MonthlySeries monthly(TimePoint at, DimensionFilter filter, String release) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" recorded_from <= :knownAt and period <= :lastMonth");
        params.put("knownAt", Timestamp.from(at.knownAt()));
        params.put("lastMonth", lastMonthInEffect(at.asOf()).atDay(1));
        if (release == null) {
            where.append(" and recorded_to > :knownAt");
        } else {
            where.append(" and release = :release");
            params.put("release", release);
        }
        filter.labels().forEach((dimension, labels) -> {
            where.append(" and ").append(DimensionFilter.COLUMNS.get(dimension)).append(" in (:").append(dimension)
                    .append(")");
            params.put(dimension, labels);
        });
        Map<YearMonth, Long> counts = new TreeMap<>();
        jdbc.sql("select period, sum(count) from query.encounter_count where" + where + " group by period")
                .params(params)
                .query((row, n) -> counts.put(YearMonth.from(row.getObject(1, LocalDate.class)), row.getLong(2)))
                .list();
        return new MonthlySeries(counts);
    }

    @Override
    public Map<String, List<String>> labels(TimePoint at) {
        Map<String, List<String>> labels = new LinkedHashMap<>();
        DimensionFilter.COLUMNS.forEach((dimension, column) -> labels.put(dimension, jdbc.sql(
                        "select distinct " + column + " from query.encounter_count where recorded_from <= :knownAt"
                                + " and recorded_to > :knownAt and " + column + " is not null order by 1")
                .param("knownAt", Timestamp.from(at.knownAt())).query(String.class).list()));
        return labels;
    }

    /** A month's count takes effect on the month's last day. */
    static YearMonth lastMonthInEffect(LocalDate asOf) {
        YearMonth month = YearMonth.from(asOf);
        return asOf.equals(month.atEndOfMonth()) ? month : month.minusMonths(1);
    }
}
