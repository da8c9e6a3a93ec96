package org.commitmentledger.command.encounter;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CbpEncounterFileTests {

    private static final String HEADER = "Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,"
            + "Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count\r\n";

    @Test
    void startsTheFiscalYearInOctober() throws IOException {
        CbpEncounterFile.Parsed parsed = read(HEADER
                + "2023,FYTD,OCT,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,10\r\n"
                + "2023,FYTD,JUN,U.S. Border Patrol,Single Adults,Mexico,Title 8,Apprehensions,20\r\n");

        assertThat(parsed.measurements()).extracting(Measurement::period, Measurement::count)
                .containsExactly(tuple(YearMonth.of(2022, 10), 10L), tuple(YearMonth.of(2023, 6), 20L));
    }

    @Test
    void readsLaterReleasesWithTheirYearLabelsColumnOrderAndSeparators() throws IOException {
        CbpEncounterFile.Parsed parsed = read("\uFEFFEncounter Count,Month (abbv),Fiscal Year,Month Grouping,"
                + "Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Area of Responsibility\n"
                + "\"1,234\",NOV,2025 (FYTD),FYTD,Office of Field Operations,FMUA,Venezuela,Title 8,"
                + "Inadmissibles,San Diego Field Office\n");

        assertThat(parsed.measurements()).singleElement().satisfies(measurement -> {
            assertThat(measurement.period()).isEqualTo(YearMonth.of(2024, 11));
            assertThat(measurement.count()).isEqualTo(1234);
            assertThat(measurement.dimensions().citizenship()).isEqualTo("Venezuela");
        });
    }

    @Test
    void addsUpRowsOfTheSameMonthAndSlice() throws IOException {
        CbpEncounterFile.Parsed parsed = read(HEADER
                + "2023,FYTD,JUN,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,5\n"
                + "2023,FYTD,JUN,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,7\n");

        assertThat(parsed.rows()).isEqualTo(2);
        assertThat(parsed.measurements()).singleElement().extracting(Measurement::count).isEqualTo(12L);
    }

    @Test
    void reportsEveryBadRowWithItsLineAndColumn() {
        assertThatThrownBy(() -> read(HEADER
                + "2023,FYTD,JUN,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,5\n"
                + "2023,FYTD,JUX,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,5\n"
                + "2023,FYTD,JUL,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,-3\n"
                + "20x3,FYTD,JUL,,UAC,Other,Title 8,Apprehensions,4\n"))
                .isInstanceOfSatisfying(CbpEncounterFile.InvalidFileException.class, invalid ->
                        assertThat(invalid.problems())
                                .extracting(CbpEncounterFile.Problem::line, CbpEncounterFile.Problem::column)
                                .containsExactly(tuple(3L, "Month (abbv)"), tuple(4L, "Encounter Count"),
                                                 tuple(5L, "Fiscal Year"), tuple(5L, "Component")));
    }

    @Test
    void namesAMissingColumn() {
        assertThatThrownBy(() -> read("Fiscal Year,Month (abbv),Component\n2023,JUN,U.S. Border Patrol\n"))
                .isInstanceOfSatisfying(CbpEncounterFile.InvalidFileException.class, invalid ->
                        assertThat(invalid.problems()).extracting(CbpEncounterFile.Problem::column)
                                .contains("Demographic", "Encounter Count"));
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        assertThatThrownBy(() -> CbpEncounterFile.read(new StringReader(HEADER
                        + "2023,FYTD,JUN,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,5\n".repeat(3)),
                                                     "r", "f.csv", 2, 10))
                .isInstanceOf(CbpEncounterFile.InvalidFileException.class)
                .hasMessageContaining("1 problem");
    }

    private static CbpEncounterFile.Parsed read(String csv) throws IOException {
        return CbpEncounterFile.read(new StringReader(csv), "test-release", "test.csv", 1_000, 100);
    }
}
