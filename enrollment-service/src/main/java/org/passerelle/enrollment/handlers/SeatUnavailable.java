package org.passerelle.enrollment.handlers;

import java.util.UUID;

/** What enrollment reads of cohort-service's seat-unavailable: the application left without one. */
public record SeatUnavailable(UUID applicationId) {}
