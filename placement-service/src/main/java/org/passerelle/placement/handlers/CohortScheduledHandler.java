package org.passerelle.placement.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.placement.service.KnownCohortService;

/** A cohort was scheduled: where, when and for which programme it runs, and who funds it. */
@ApplicationScoped
public class CohortScheduledHandler implements EventConsumer<CohortScheduled> {

  private static final Logger LOG = Logger.getLogger(CohortScheduledHandler.class);

  private final KnownCohortService cohorts;

  CohortScheduledHandler(KnownCohortService cohorts) {
    this.cohorts = cohorts;
  }

  @Override
  public ConsumedEvent<CohortScheduled> consumes() {
    return ConsumedEvents.COHORT_SCHEDULED;
  }

  @Override
  public void handle(CohortScheduled cohort, IncomingEvent envelope) {
    if (!cohorts.keepNewest(cohort)) {
      LOG.debugf(
          "%s %s: version %d of cohort %s is not newer than the one known",
          consumes().name(), envelope.id(), cohort.version(), cohort.cohortId());
    }
  }
}
