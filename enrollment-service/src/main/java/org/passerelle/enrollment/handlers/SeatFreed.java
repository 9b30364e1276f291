package org.passerelle.enrollment.handlers;

import java.util.UUID;

/** What enrollment reads of cohort-service's seat-freed: the cohort whose waitlist may move. */
public record SeatFreed(UUID cohortId) {}
