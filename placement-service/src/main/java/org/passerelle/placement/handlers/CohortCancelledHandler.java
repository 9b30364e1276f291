package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownCohortService;

/** A cohort was cancelled before it ran: its status, unless a newer version is known. */
@ApplicationScoped
public class CohortCancelledHandler implements EventConsumer<CohortCancelled> {

  private static final Logger LOG = Logger.getLogger(CohortCancelledHandler.class);

  private final KnownCohortService cohorts;

  CohortCancelledHandler(KnownCohortService cohorts) {
    this.cohorts = cohorts;
  }

  @Override
  public ConsumedEvent<CohortCancelled> consumes() {
    return ConsumedEvents.COHORT_CANCELLED;
  }

  @Override
  public void handle(CohortCancelled cohort, IncomingEvent envelope) {
    if (!cohorts.cancelled(
        cohort.cohortId(),
        cohort.country(),
        cohort.site(),
        cohort.programmeCode(),
        cohort.version())) {
      LOG.debugf(
          "%s %s: version %d of cohort %s is not newer than the one known",
          consumes().name(), envelope.id(), cohort.version(), cohort.cohortId());
    }
  }
}
