package org.commitmentledger.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a file in the columns and labels of CBP's Southwest Land Border Encounters data, area of responsibility
 * included, with as many rows as asked. Each row is its own month and slice, so each becomes one count to record:
 * the months of FY2022 and FY2023, each with the same slices (component, demographic, citizenship, title of authority,
 * encounter type), citizenships made up past CBP's own.
 */
final class CbpFiles {

    static final int MONTHS = 24;
    private static final String HEADER = "Fiscal Year,Month Grouping,Month (abbv),Component,Land Border Region,"
            + "Area of Responsibility,AOR (Abbv),Demographic,Citizenship Grouping,Title of Authority,Encounter Type,"
            + "Encounter Count";
    private static final List<String> FISCAL_MONTHS = List.of("OCT", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY",
                                                              "JUN", "JUL", "AUG", "SEP");
    private static final List<String> COMPONENTS = List.of("Office of Field Operations", "U.S. Border Patrol");
    private static final List<List<String[]>> OFFICES = List.of(
            List.of(new String[]{"El Paso Field Office", "El Paso"}, new String[]{"Laredo Field Office", "Laredo"},
                    new String[]{"San Diego Field Office", "San Diego"}, new String[]{"Tucson Field Office", "Tucson"}),
            List.of(new String[]{"Big Bend Sector", "Big Bend"}, new String[]{"Del Rio Sector", "Del Rio"},
                    new String[]{"El Centro Sector", "El Centro"}, new String[]{"Rio Grande Valley Sector", "RGV"},
                    new String[]{"Yuma Sector", "Yuma"}));
    private static final List<String> DEMOGRAPHICS = List.of("Accompanied Minors", "FMUA", "Single Adults",
                                                             "UC / Single Minors");
    private static final List<String> TITLES = List.of("Title 8", "Title 42");
    private static final List<String> TYPES = List.of("Apprehensions", "Inadmissibles", "Expulsions");
    private static final List<String> CITIZENSHIPS = List.of("Brazil", "China", "Colombia", "Cuba", "Ecuador",
                                                             "El Salvador", "Guatemala", "Haiti", "Honduras", "India",
                                                             "Mexico", "Nicaragua", "Peru", "Russia", "Turkey",
                                                             "Ukraine", "Venezuela", "Other");

    private CbpFiles() {
    }

    /** @return the number of distinct slices, that is series */
    static int write(Path file, int rows) throws IOException {
        int slices = (rows + MONTHS - 1) / MONTHS;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            for (int row = 0; row < rows; row++) {
                int month = row / slices;
                int slice = row % slices;
                out.write(row(month, slice, row));
                out.write("\r\n");
            }
        }
        return slices;
    }

    private static String row(int month, int slice, int row) {
        int component = slice % COMPONENTS.size();
        int rest = slice / COMPONENTS.size();
        String demographic = DEMOGRAPHICS.get(rest % DEMOGRAPHICS.size());
        rest /= DEMOGRAPHICS.size();
        String title = TITLES.get(rest % TITLES.size());
        rest /= TITLES.size();
        String type = TYPES.get(rest % TYPES.size());
        rest /= TYPES.size();
        String citizenship = rest < CITIZENSHIPS.size() ? CITIZENSHIPS.get(rest)
                                                        : String.format(Locale.ROOT, "Country %05d", rest);
        // The area of responsibility is CBP's finest grain but not a dimension the ledger keeps: one per slice here.
        String[] office = OFFICES.get(component).get(slice / COMPONENTS.size() % OFFICES.get(component).size());
        return String.join(",", Integer.toString(2022 + month / 12), "FYTD", FISCAL_MONTHS.get(month % 12),
                           COMPONENTS.get(component), "Southwest Land Border", office[0], office[1], demographic,
                           citizenship, title, type, Integer.toString(1 + row % 997));
    }
}
