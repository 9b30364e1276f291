package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.IntakeService;

/**
 * A cancelled cohort's intake takes no more applications. Applications already made stay as they
 * are for staff to redirect; the cohort's version keeps older snapshots from reopening it.
 */
@ApplicationScoped
public class CohortCancelledHandler implements EventConsumer<CohortCancelled> {

  private static final Logger LOG = Logger.getLogger(CohortCancelledHandler.class);

  private final IntakeService intakes;

  CohortCancelledHandler(IntakeService intakes) {
    this.intakes = intakes;
  }

  @Override
  public ConsumedEvent<CohortCancelled> consumes() {
    return ConsumedEvents.COHORT_CANCELLED;
  }

  @Override
  public void handle(CohortCancelled cohort, IncomingEvent event) {
    if (!intakes.cancelled(cohort.cohortId(), cohort.version())) {
      LOG.debugf(
          "cohort-cancelled %s: intake %s unknown or already at version %d or later, nothing to close",
          event.id(), cohort.cohortId(), cohort.version());
    }
  }
}
