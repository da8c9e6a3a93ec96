package org.commitmentledger.events;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EncounterDimensionsTests {

    @Test
    void namesTheSeriesOfASliceReadably() {
        EncounterDimensions slice = new EncounterDimensions("U.S. Border Patrol", "Single Adults", "Mexico",
                                                            "Title 8", "Apprehensions");

        assertThat(slice.seriesKey())
                .isEqualTo("encounters.u-s-border-patrol.single-adults.mexico.title-8.apprehensions");
    }

    @Test
    void namesTheWholeBorderAll() {
        assertThat(EncounterDimensions.ALL.seriesKey()).isEqualTo("encounters.all.all.all.all.all");
    }

    @Property
    void everySeriesKeyIsAValidStreamId(@ForAll @StringLength(max = 100) String component,
                                        @ForAll @StringLength(max = 100) String citizenship) {
        String key = new EncounterDimensions(component, null, citizenship, null, null).seriesKey();

        assertThat(key).matches("[a-z0-9.-]+").hasSizeLessThanOrEqualTo(520);
    }

    @Property
    void seriesKeysNeverChangeForAStoredSlice(@ForAll @StringLength(max = 60) String component,
                                               @ForAll @StringLength(max = 60) String citizenship) {
        // Keys name streams already in the log: this is the rule they were first written with.
        String expected = "encounters." + slug(component) + ".all." + slug(citizenship) + ".all.all";

        assertThat(new EncounterDimensions(component, null, citizenship, null, null).seriesKey()).isEqualTo(expected);
    }

    private static String slug(String value) {
        String slug = value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "blank" : slug;
    }
}
