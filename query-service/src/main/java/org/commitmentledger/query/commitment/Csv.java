package org.commitmentledger.query.commitment;

import java.util.List;
import java.util.stream.Collectors;

/** Lines of a CSV file as RFC 4180 has them: CRLF ends a line; a field with a comma, quote or line break is quoted. */
final class Csv {

    private Csv() {
    }

    static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
