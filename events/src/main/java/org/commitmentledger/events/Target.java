package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/**
 * A quantitative target: 100000 people, 40000000 USD. {@code asWritten} keeps the figure as the source printed it;
 * {@code uncertain} says the printed figure is garbled or ambiguous and {@code quantity} is a reading of it.
 */
public record Target(
        @JsonProperty(required = true) BigDecimal quantity,
        @JsonProperty(required = true) String unit,
        String asWritten,
        boolean uncertain) {

    public Target(BigDecimal quantity, String unit) {
        this(quantity, unit, null, false);
    }
}
