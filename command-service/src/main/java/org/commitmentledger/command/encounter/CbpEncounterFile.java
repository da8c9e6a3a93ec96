package org.commitmentledger.command.encounter;

import org.commitmentledger.events.EncounterDimensions;
import org.commitmentledger.events.Source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads CBP's "Southwest Land Border Encounters" CSV as CBP publishes it: columns found by name in any order (extra
 * columns ignored), fiscal years written {@code 2023} or {@code 2025 (FYTD)}, months as {@code OCT} ... {@code SEP}
 * (the fiscal year starts in October: FY2023 OCT is 2022-10), counts with or without thousands separators. The whole
 * file is checked before anything is returned: one bad row makes it fail with every bad row listed. Rows that share a
 * month and all five dimensions are added up.
 */
final class CbpEncounterFile {

    static final String CBP_PAGE = "https://www.cbp.gov/newsroom/stats/southwest-land-border-encounters";
    private static final int MAX_LABEL = 100;
    private static final Pattern FISCAL_YEAR = Pattern.compile("\\s*(?:FY\\s*)?((?:19|20|21)\\d\\d)\\b.*",
                                                               Pattern.CASE_INSENSITIVE);
    private static final Pattern COUNT = Pattern.compile("\\d{1,3}(,\\d{3})+|\\d+");

    enum Column {
        FISCAL_YEAR("Fiscal Year"), MONTH("Month (abbv)"), COMPONENT("Component"), DEMOGRAPHIC("Demographic"),
        CITIZENSHIP("Citizenship Grouping"), TITLE_OF_AUTHORITY("Title of Authority"),
        ENCOUNTER_TYPE("Encounter Type"), ENCOUNTER_COUNT("Encounter Count");

        final String label;

        Column(String label) {
            this.label = label;
        }

        boolean matches(String header) {
            String normalized = normalize(header);
            return normalized.equals(normalize(label))
                    || (this == MONTH && normalized.equals("month"))
                    || (this == CITIZENSHIP && normalized.equals("citizenship"));
        }

        private static String normalize(String header) {
            return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        }
    }

    record Problem(long line, String column, String message) {
    }

    record Parsed(int rows, List<Measurement> measurements) {
    }

    static final class InvalidFileException extends RuntimeException {
        private final transient List<Problem> problems;
        private final long problemCount;

        InvalidFileException(List<Problem> problems, long problemCount) {
            super("the file has " + problemCount + (problemCount == 1 ? " problem" : " problems"));
            this.problems = List.copyOf(problems);
            this.problemCount = problemCount;
        }

        List<Problem> problems() {
            return problems;
        }

        long problemCount() {
            return problemCount;
        }
    }

    private CbpEncounterFile() {
    }

    /**
     * @param maxRows      the most data rows accepted
     * @param maxProblems  the most problems listed (all are counted)
     */
    static Parsed read(Reader input, String release, String documentName, int maxRows, int maxProblems)
            throws IOException {
        BufferedReader reader = new BufferedReader(input);
        CsvRecords records = new CsvRecords(reader);
        List<Problem> problems = new ArrayList<>();
        long[] problemCount = {0};
        CsvRecords.Record header = records.next();
        if (header == null) {
            throw new InvalidFileException(List.of(new Problem(1, null, "the file is empty")), 1);
        }
        Map<Column, Integer> positions = locate(header.fields());
        if (positions.size() < Column.values().length) {
            List<Problem> missing = new ArrayList<>();
            for (Column column : Column.values()) {
                if (!positions.containsKey(column)) {
                    missing.add(new Problem(1, column.label, "required column is missing"));
                }
            }
            throw new InvalidFileException(missing, missing.size());
        }
        Map<Key, Long> counts = new LinkedHashMap<>();
        // One copy of each slice's labels, however many rows and months repeat them: large files stay small in memory.
        Map<EncounterDimensions, EncounterDimensions> slices = new HashMap<>();
        Memo memo = new Memo();
        int rows = 0;
        CsvRecords.Record record;
        while ((record = records.next()) != null) {
            if (record.isBlank()) {
                continue;
            }
            rows++;
            if (rows > maxRows) {
                throw new InvalidFileException(List.of(new Problem(record.line(), null,
                        "the file has more than " + maxRows + " rows, the most accepted")), problemCount[0] + 1);
            }
            RowProblems rowProblems = new RowProblems(record.line(), problems, problemCount, maxProblems);
            Key key = key(record, positions, memo, rowProblems);
            Long count = count(field(record, positions, Column.ENCOUNTER_COUNT), rowProblems);
            if (key != null && count != null) {
                counts.merge(new Key(key.period(), slices.computeIfAbsent(key.dimensions(), slice -> slice)), count,
                             Long::sum);
            }
        }
        if (records.unterminatedQuoteLine() > 0) {
            new RowProblems(records.unterminatedQuoteLine(), problems, problemCount, maxProblems)
                    .add(null, "a quoted field is never closed");
        }
        if (rows == 0) {
            throw new InvalidFileException(List.of(new Problem(1, null, "the file has a header but no rows")), 1);
        }
        if (problemCount[0] > 0) {
            throw new InvalidFileException(problems, problemCount[0]);
        }
        Source source = new Source(documentName, "CBP Southwest Land Border Encounters, release " + release, null,
                                   CBP_PAGE, "release " + release);
        List<Measurement> measurements = counts.entrySet().stream()
                .map(entry -> new Measurement(entry.getKey().dimensions(), entry.getKey().period(), entry.getValue(),
                                              release, source))
                .toList();
        return new Parsed(rows, measurements);
    }

    private static Map<Column, Integer> locate(List<String> headers) {
        Map<Column, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).replace("\uFEFF", "");
            for (Column column : Column.values()) {
                if (column.matches(header) && !positions.containsKey(column)) {
                    positions.put(column, i);
                }
            }
        }
        return positions;
    }

    private static Key key(CsvRecords.Record record, Map<Column, Integer> positions, Memo memo,
                           RowProblems problems) {
        YearMonth period = period(field(record, positions, Column.FISCAL_YEAR), field(record, positions, Column.MONTH),
                                  memo, problems);
        String component = label(record, positions, Column.COMPONENT, memo, problems);
        String demographic = label(record, positions, Column.DEMOGRAPHIC, memo, problems);
        String citizenship = label(record, positions, Column.CITIZENSHIP, memo, problems);
        String title = label(record, positions, Column.TITLE_OF_AUTHORITY, memo, problems);
        String type = label(record, positions, Column.ENCOUNTER_TYPE, memo, problems);
        if (period == null || component == null || demographic == null || citizenship == null || title == null
                || type == null) {
            return null;
        }
        return new Key(period, new EncounterDimensions(component, demographic, citizenship, title, type));
    }

    private static YearMonth period(String fiscalYear, String month, Memo memo, RowProblems problems) {
        Integer year = fiscalYear == null ? null : memo.fiscalYears.get(fiscalYear);
        Matcher matcher = fiscalYear == null || year != null ? null : FISCAL_YEAR.matcher(fiscalYear);
        if (matcher != null && matcher.matches()) {
            year = Integer.parseInt(matcher.group(1));
            memo.fiscalYears.put(fiscalYear, year);
        } else if (year == null) {
            problems.add(Column.FISCAL_YEAR.label, "must be a fiscal year such as 2023 or 2025 (FYTD), got "
                    + quoted(fiscalYear));
        }
        Month calendarMonth = month == null ? null : memo.months.computeIfAbsent(month, CbpEncounterFile::month);
        if (calendarMonth == null) {
            problems.add(Column.MONTH.label, "must be a month abbreviation such as OCT, got " + quoted(month));
        }
        if (year == null || calendarMonth == null) {
            return null;
        }
        int calendarYear = calendarMonth.getValue() >= Month.OCTOBER.getValue() ? year - 1 : year;
        return memo.periods.computeIfAbsent(YearMonth.of(calendarYear, calendarMonth), period -> period);
    }

    private static Month month(String text) {
        if (text == null || text.strip().length() < 3) {
            return null;
        }
        String prefix = text.strip().substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                String full = month.name();
                String given = text.strip().toUpperCase(Locale.ROOT);
                return given.length() == 3 || full.equals(given) ? month : null;
            }
        }
        return null;
    }

    private static String label(CsvRecords.Record record, Map<Column, Integer> positions, Column column, Memo memo,
                                RowProblems problems) {
        String value = field(record, positions, column);
        String known = value == null ? null : memo.labels.get(value);
        if (known != null) {
            return known;
        }
        if (value == null || value.isBlank()) {
            problems.add(column.label, "must not be empty");
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_LABEL) {
            problems.add(column.label, "is longer than " + MAX_LABEL + " characters");
            return null;
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                problems.add(column.label, "contains control characters");
                return null;
            }
        }
        memo.labels.put(value, stripped);
        return stripped;
    }

    private static Long count(String value, RowProblems problems) {
        if (plainDigits(value)) {
            return Long.parseLong(value);
        }
        String stripped = value == null ? "" : value.strip();
        if (!COUNT.matcher(stripped).matches() || stripped.replace(",", "").length() > 12) {
            problems.add(Column.ENCOUNTER_COUNT.label, "must be a whole number of encounters, got "
                    + quoted(value));
            return null;
        }
        return Long.parseLong(stripped.replace(",", ""));
    }

    /** The common case, read without a regular expression: at most 12 digits and nothing else. */
    private static boolean plainDigits(String value) {
        if (value == null || value.isEmpty() || value.length() > 12) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String field(CsvRecords.Record record, Map<Column, Integer> positions, Column column) {
        int position = positions.get(column);
        return position < record.fields().size() ? record.fields().get(position) : null;
    }

    private static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "\"" + shown.replaceAll("\\p{Cntrl}", "?") + "\"";
    }

    private record Key(YearMonth period, EncounterDimensions dimensions) {
    }

    /** What each distinct text of a file read as, when it was valid: a large file repeats a few hundred texts. */
    private static final class Memo {
        private final Map<String, Integer> fiscalYears = new HashMap<>();
        private final Map<String, Month> months = new HashMap<>();
        private final Map<String, String> labels = new HashMap<>();
        private final Map<YearMonth, YearMonth> periods = new HashMap<>();
    }

    private static final class RowProblems {
        private final long line;
        private final List<Problem> problems;
        private final long[] count;
        private final int max;

        RowProblems(long line, List<Problem> problems, long[] count, int max) {
            this.line = line;
            this.problems = problems;
            this.count = count;
            this.max = max;
        }

        void add(String column, String message) {
            count[0]++;
            if (problems.size() < max) {
                problems.add(new Problem(line, column, message));
            }
        }
    }
}
