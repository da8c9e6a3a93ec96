package org.commitmentledger.query.commitment;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

    @Test
    void endsEachLineWithCrLfAndLeavesPlainFieldsAsTheyAre() {
        assertThat(Csv.line(List.of("id", 3, true))).isEqualTo("id,3,true\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesOrLineBreaksAndDoublesTheirQuotes() {
        assertThat(Csv.line(List.of("a, b", "the \"East\" port", "line 1\nline 2", "cr\r")))
                .isEqualTo("\"a, b\",\"the \"\"East\"\" port\",\"line 1\nline 2\",\"cr\r\"\r\n");
    }

    @Test
    void writesNothingForAMissingValue() {
        assertThat(Csv.line(Arrays.asList("a", null, ""))).isEqualTo("a,,\r\n");
    }
}
