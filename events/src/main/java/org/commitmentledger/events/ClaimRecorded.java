package org.commitmentledger.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A party claimed something about an outcome, or quoted a figure. A claim is what was said, not a measurement: the
 * ledger checks claims about encounters against CBP's figures. For metric {@code encounters}, {@code scope},
 * {@code baseline} and {@code comparison} say what was compared, {@code claimedChangePercent} the change claimed
 * (negative for a decrease), {@code claimedExtreme} a "lowest since" claim, and {@code tolerancePercentagePoints} how
 * close a measurement must come to support the claim.
 */
@Revision("1")
public record ClaimRecorded(
        @JsonProperty(required = true) ClaimId claimId,
        @JsonProperty(required = true) String claimant,
        Party party,
        @JsonProperty(required = true) LocalDate claimedOn,
        @JsonProperty(required = true) String statement,
        @JsonProperty(required = true) String metric,
        @JsonProperty(required = true) ClaimScope scope,
        MonthRange baseline,
        MonthRange comparison,
        BigDecimal claimedChangePercent,
        ExtremeClaim claimedExtreme,
        Figure figure,
        BigDecimal tolerancePercentagePoints,
        @JsonProperty(required = true) Source source) implements LedgerEvent {

    public static final String ENCOUNTERS = "encounters";

    @Override
    public String streamId() {
        return "claim." + claimId.value();
    }

    @Override
    public LocalDate effectiveOn() {
        return claimedOn;
    }
}
