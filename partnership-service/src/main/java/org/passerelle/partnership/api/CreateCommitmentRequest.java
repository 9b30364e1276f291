package org.passerelle.partnership.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.passerelle.partnership.CommitmentKind;

/**
 * A commitment inside a convention: its kind, its target (units, or an amount of money in {@code
 * currency} for funding) and its due date.
 */
public record CreateCommitmentRequest(
    @NotNull UUID conventionId,
    @NotNull CommitmentKind kind,
    @NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
        BigDecimal target,
    @Pattern(regexp = "[A-Z]{3}") String currency,
    @NotNull LocalDate dueOn) {}
