package org.commitmentledger.events;

import java.math.BigDecimal;

/**
 * A figure a source quotes. {@code asWritten} keeps it as printed; {@code uncertain} says the printed figure is
 * garbled or ambiguous and {@code value} is a reading of it.
 */
public record Figure(BigDecimal value, String unit, String asWritten, boolean uncertain) {
}
