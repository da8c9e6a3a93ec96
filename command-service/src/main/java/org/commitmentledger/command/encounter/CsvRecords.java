package org.commitmentledger.command.encounter;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records from a reader: quoted fields may hold commas, quotes (doubled) and line breaks; lines end in CRLF
 * or LF. Each record knows the line it starts on, for error reports.
 */
final class CsvRecords {

    record Record(long line, List<String> fields) {
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final BufferedReader reader;
    private long line;
    private long unterminatedQuoteLine;
    private int width = 10;

    CsvRecords(BufferedReader reader) {
        this.reader = reader;
    }

    /** The line of a quoted field that was still open at the end of the input, or 0. */
    long unterminatedQuoteLine() {
        return unterminatedQuoteLine;
    }

    Record next() throws IOException {
        String text = reader.readLine();
        if (text == null) {
            return null;
        }
        line++;
        long start = line;
        List<String> fields = new ArrayList<>(width);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
            if (i >= text.length()) {
                if (!quoted) {
                    break;
                }
                String more = reader.readLine();
                if (more == null) {
                    unterminatedQuoteLine = start;
                    break;
                }
                line++;
                field.append('\n');
                text = more;
                i = 0;
                continue;
            }
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        fields.add(field.toString());
        width = fields.size();
        return new Record(start, fields);
    }
}
