package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.EventHandler;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * Keeps an intake equal to the newest cohort snapshot seen. Replays and late deliveries of older
 * snapshots change nothing, so the copy never goes back in time.
 */
@ApplicationScoped
public class CohortChangedHandler implements EventHandler {

  private static final Logger LOG = Logger.getLogger(CohortChangedHandler.class);

  private final IntakeRepository intakes;

  CohortChangedHandler(IntakeRepository intakes) {
    this.intakes = intakes;
  }

  @Override
  public String topic() {
    return "cohort.events";
  }

  @Override
  public String type() {
    return "org.passerelle.cohort.cohort-changed.v1";
  }

  @Override
  public void handle(IncomingEvent event) {
    CohortSnapshot cohort = CohortSnapshot.changed(event.data());
    // Locked: two instances briefly sharing a partition during a rebalance must not both decide
    // from the same stored version.
    Intake intake =
        intakes.findByIdOptional(cohort.cohortId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
    if (intake == null) {
      // The snapshot is the whole cohort: it opens the intake if cohort-scheduled is not here yet.
      intakes.persist(cohort.copyTo(new Intake()));
      return;
    }
    if (cohort.version() <= intake.cohortVersion) {
      LOG.debugf(
          "cohort-changed %s: version %d of cohort %s is not newer than %d, ignored",
          event.id(), cohort.version(), cohort.cohortId(), intake.cohortVersion);
      return;
    }
    cohort.copyTo(intake);
  }
}
