package org.passerelle.placement.handlers;

import java.util.UUID;

/**
 * What placement-service reads of cohort-service's cohort-cancelled: which cohort, and its version
 * after the cancellation, comparable with the snapshots' versions.
 */
public record CohortCancelled(
    UUID cohortId, String programmeCode, String site, String country, long version) {}
