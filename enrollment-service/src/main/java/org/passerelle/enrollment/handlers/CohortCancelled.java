package org.passerelle.enrollment.handlers;

import java.util.UUID;

/**
 * What enrollment reads of cohort-service's cohort-cancelled: which cohort, and its version after
 * the cancellation, comparable with the snapshots' versions.
 */
public record CohortCancelled(UUID cohortId, long version) {}
