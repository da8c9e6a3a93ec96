package org.commitmentledger.events;

import java.math.BigDecimal;

/** A quantitative target: 100000 people, 40000000 USD. */
public record Target(BigDecimal quantity, String unit) {
}
