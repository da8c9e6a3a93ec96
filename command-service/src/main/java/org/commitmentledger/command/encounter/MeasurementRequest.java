package org.commitmentledger.command.encounter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.commitmentledger.command.web.SourceRequest;
import org.commitmentledger.events.EncounterDimensions;

import java.time.YearMonth;

/** One count as a monitor sends it. Dimensions left out mean "all values" of that dimension. */
record MeasurementRequest(
        @NotNull @Pattern(regexp = "(19|2[01])\\d\\d-(0[1-9]|1[0-2])", message = "must be a month such as 2023-06")
        String period,
        @NotNull @PositiveOrZero @Max(1_000_000_000L) Long count,
        @Size(max = 100) String component,
        @Size(max = 100) String demographic,
        @Size(max = 100) String citizenship,
        @Size(max = 100) String titleOfAuthority,
        @Size(max = 100) String encounterType,
        @NotBlank @Size(max = 100) String release,
        @NotNull @Valid SourceRequest source) {

    Measurement toMeasurement() {
        return new Measurement(new EncounterDimensions(blankToNull(component), blankToNull(demographic),
                                                       blankToNull(citizenship), blankToNull(titleOfAuthority),
                                                       blankToNull(encounterType)),
                               YearMonth.parse(period), count, release.strip(), source.toSource());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
