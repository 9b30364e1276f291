package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.IntakeService;

/**
 * A cohort started: its intake runs, and takes no more applications. The newest snapshot wins
 * ({@link IntakeService#keepNewest}).
 */
@ApplicationScoped
public class CohortStartedHandler implements EventConsumer<CohortSnapshot> {

  private static final Logger LOG = Logger.getLogger(CohortStartedHandler.class);

  private final IntakeService intakes;

  CohortStartedHandler(IntakeService intakes) {
    this.intakes = intakes;
  }

  @Override
  public ConsumedEvent<CohortSnapshot> consumes() {
    return ConsumedEvents.COHORT_STARTED;
  }

  @Override
  public void handle(CohortSnapshot cohort, IncomingEvent event) {
    if (!intakes.keepNewest(cohort)) {
      LOG.debugf(
          "cohort-started %s: version %d of cohort %s is not newer than its intake, ignored",
          event.id(), cohort.version(), cohort.cohortId());
    }
  }
}
