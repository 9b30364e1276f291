package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.repository.IntakeRepository;

/** Opens the intake of a cohort cohort-service scheduled. */
@ApplicationScoped
public class CohortScheduledHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(CohortScheduledHandler.class);

  private final IntakeRepository intakes;

  CohortScheduledHandler(IntakeRepository intakes) {
    this.intakes = intakes;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-scheduled.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    CohortSnapshot cohort = CohortSnapshot.scheduled(event.data());
    // An intake already there is this cohort at version 0 or later (a replay, or a change
    // handled first after this event was parked and replayed): never newer than it.
    if (intakes.findByIdOptional(cohort.cohortId()).isPresent()) {
      LOG.debugf("cohort-scheduled %s: intake %s already known", event.id(), cohort.cohortId());
      return;
    }
    intakes.persist(cohort.copyTo(new Intake()));
  }
}
