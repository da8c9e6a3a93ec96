package org.commitmentledger.command.commitment;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.commitmentledger.events.Target;

import java.math.BigDecimal;

/**
 * @param asWritten the figure as the source printed it, when that differs from {@code quantity}
 * @param uncertain the printed figure is garbled or ambiguous; {@code quantity} is a reading of it
 */
record TargetRequest(
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal quantity,
        @NotBlank @Size(max = 50) String unit,
        @Size(max = 200) String asWritten,
        Boolean uncertain) {

    Target toTarget() {
        return new Target(quantity, unit, asWritten, Boolean.TRUE.equals(uncertain));
    }
}
