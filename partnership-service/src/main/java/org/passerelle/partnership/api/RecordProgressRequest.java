package org.passerelle.partnership.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Progress staff record by hand (mentoring hours, funding received, premises), with a note. */
public record RecordProgressRequest(
    @NotNull @DecimalMin("0.01") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
        BigDecimal amount,
    @NotBlank @Size(max = 500) String note,
    @NotNull LocalDate occurredOn) {}
