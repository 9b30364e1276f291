package org.passerelle.partnership.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** A value the donor declared for its gift, in the country's currency. */
public record DeclaredValue(
    @NotNull @DecimalMin("0") @DecimalMax("9999999999.99") @Digits(integer = 10, fraction = 2)
        BigDecimal amount,
    @NotNull @Pattern(regexp = "EUR|MAD") String currency) {}
