package org.commitmentledger.events;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The slice of CBP's encounter figures a count describes, with CBP's own labels. A null dimension means "all values".
 */
public record EncounterDimensions(
        String component,
        String demographic,
        String citizenship,
        String titleOfAuthority,
        String encounterType) {

    public static final EncounterDimensions ALL = new EncounterDimensions(null, null, null, null, null);

    /** The stream id of this slice's monthly series, readable and stable across releases. */
    public String seriesKey() {
        return Stream.of(component, demographic, citizenship, titleOfAuthority, encounterType)
                .map(EncounterDimensions::slug)
                .collect(Collectors.joining(".", "encounters.", ""));
    }

    private static String slug(String value) {
        if (value == null) {
            return "all";
        }
        // A loop, not a regex: every published encounter event computes its key here.
        StringBuilder slug = new StringBuilder(value.length());
        boolean separated = false;
        for (char c : value.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (separated && !slug.isEmpty()) {
                    slug.append('-');
                }
                slug.append(c);
                separated = false;
            } else {
                separated = true;
            }
        }
        return slug.isEmpty() ? "blank" : slug.toString();
    }
}
