package org.commitmentledger.command.claim;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.commitmentledger.command.web.SourceRequest;
import org.commitmentledger.platform.web.ValidDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim as a monitor (or the seed loader) sends it. */
record ClaimRequest(
        @NotNull @Pattern(regexp = "[a-z0-9-]{3,100}", message = "must be 3 to 100 characters of a-z, 0-9 and -")
        String id,
        @NotBlank @Size(max = 300) String claimant,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US or MX") String party,
        @NotNull @ValidDate LocalDate claimedOn,
        @NotBlank @Size(max = 5_000) String statement,
        @NotBlank @Pattern(regexp = "[a-z0-9-]{2,60}", message = "must be a short slug such as encounters")
        String metric,
        @Valid Scope scope,
        @Valid Months baseline,
        @Valid Months comparison,
        @DecimalMin("-100000") @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal claimedChangePercent,
        @Valid Extreme claimedExtreme,
        @Valid FigureRequest figure,
        @PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal tolerancePercentagePoints,
        @NotNull @Valid SourceRequest source) {

    static final String MONTH = "(19|2[01])\\d\\d-(0[1-9]|1[0-2])";
    static final String MONTH_MESSAGE = "must be a month such as 2023-06";

    record Scope(
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> component,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> demographic,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> citizenship,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> titleOfAuthority,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> encounterType) {
    }

    record Months(
            @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String from,
            @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String to) {
    }

    record Extreme(
            @NotNull @Pattern(regexp = "LOWEST|HIGHEST", message = "must be LOWEST or HIGHEST") String kind,
            @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String period,
            @NotNull @Pattern(regexp = MONTH, message = MONTH_MESSAGE) String since) {
    }

    record FigureRequest(
            @NotNull @Digits(integer = 18, fraction = 6) BigDecimal value,
            @NotBlank @Size(max = 50) String unit,
            @Size(max = 200) String asWritten,
            Boolean uncertain) {
    }
}
