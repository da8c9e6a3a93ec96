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
        String slug = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "blank" : slug;
    }
}
