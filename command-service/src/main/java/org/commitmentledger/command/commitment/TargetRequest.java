package org.commitmentledger.command.commitment;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.commitmentledger.events.Target;

import java.math.BigDecimal;

record TargetRequest(
        @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal quantity,
        @NotBlank @Size(max = 50) String unit) {

    Target toTarget() {
        return new Target(quantity, unit);
    }
}
