package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownCohortService;

/** A cohort started: its status, and its dates and funders as they stand. */
@ApplicationScoped
public class CohortStartedHandler implements EventConsumer<CohortSnapshot> {

  private static final Logger LOG = Logger.getLogger(CohortStartedHandler.class);

  private final KnownCohortService cohorts;

  CohortStartedHandler(KnownCohortService cohorts) {
    this.cohorts = cohorts;
  }

  @Override
  public ConsumedEvent<CohortSnapshot> consumes() {
    return ConsumedEvents.COHORT_STARTED;
  }

  @Override
  public void handle(CohortSnapshot cohort, IncomingEvent envelope) {
    if (!cohorts.keepNewest(cohort)) {
      LOG.debugf(
          "%s %s: version %d of cohort %s is not newer than the one known",
          consumes().name(), envelope.id(), cohort.version(), cohort.cohortId());
    }
  }
}
