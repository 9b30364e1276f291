package org.passerelle.enrollment.handlers;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.ConsumedEvent;
import org.passerelle.commons.events.EventConsumer;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.service.IntakeService;

/** Opens the intake of a cohort cohort-service scheduled. */
@ApplicationScoped
public class CohortScheduledHandler implements EventConsumer<CohortScheduled> {

  private static final Logger LOG = Logger.getLogger(CohortScheduledHandler.class);

  private final IntakeService intakes;

  CohortScheduledHandler(IntakeService intakes) {
    this.intakes = intakes;
  }

  @Override
  public ConsumedEvent<CohortScheduled> consumes() {
    return ConsumedEvents.COHORT_SCHEDULED;
  }

  @Override
  public void handle(CohortScheduled cohort, IncomingEvent event) {
    if (!intakes.scheduled(cohort)) {
      LOG.debugf("cohort-scheduled %s: intake %s already known", event.id(), cohort.cohortId());
    }
  }
}
