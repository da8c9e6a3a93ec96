package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A figure a source quotes. {@code asWritten} keeps it as printed; {@code uncertain} says the printed figure is
 * garbled or ambiguous and {@code value} is a reading of it.
 */
public record Figure(
        @JsonProperty(required = true) BigDecimal value,
        @JsonProperty(required = true) String unit,
        String asWritten,
        boolean uncertain) {
}
