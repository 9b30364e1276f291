package org.passerelle.placement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which learners (pseudonymous ids) one figure counts, for staff to check it: those in its
 * numerator, in its denominator and those it counts as unknown. For the application counts the ids
 * are applications' ids ({@code counted} says which).
 *
 * @param category the breakdown category asked for, else null
 * @param counted LEARNER or APPLICATION
 */
public record IndicatorLearnersView(
    String indicator,
    int definitionVersion,
    String category,
    LocalDate from,
    LocalDate to,
    String counted,
    List<UUID> numerator,
    List<UUID> denominator,
    List<UUID> unknown) {}
