package org.passerelle.cohort.handlers;

import java.util.UUID;
import org.passerelle.cohort.service.SeatService;

/**
 * What cohort-service reads of enrollment-service's application-submitted, application-accepted and
 * application-withdrawn: the application, its learner and the cohort, site and country it names.
 * Each is required: a seat is never decided from a guess.
 */
public record ApplicationEvent(
    UUID applicationId, UUID learnerId, UUID cohortId, String site, String country) {

  SeatService.Application application() {
    return new SeatService.Application(applicationId, learnerId, cohortId, site, country);
  }
}
