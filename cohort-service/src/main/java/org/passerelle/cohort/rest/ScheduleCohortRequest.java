package org.passerelle.cohort.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A new cohort of a programme at a site. */
public record ScheduleCohortRequest(
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z0-9-]{2,64}") String programmeCode,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z]{2}-[A-Z0-9-]{1,61}") String siteCode,
    @NotNull LocalDate startDate,
    @NotNull LocalDate endDate,
    @NotNull @Min(1) @Max(500) Integer capacity) {}
