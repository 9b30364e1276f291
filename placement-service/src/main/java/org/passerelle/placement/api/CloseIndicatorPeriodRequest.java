package org.passerelle.placement.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/** Close a country's indicator period [from, to] (inclusive days) once it is over. */
public record CloseIndicatorPeriodRequest(
    @NotNull @Pattern(regexp = "[A-Z]{2}") String country,
    @NotNull LocalDate from,
    @NotNull LocalDate to) {}
