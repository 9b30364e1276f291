package org.passerelle.enrollment.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;
import org.passerelle.commons.events.IncomingEvent;
import org.passerelle.enrollment.Intake;
import org.passerelle.enrollment.repository.IntakeRepository;

/**
 * Keeps an intake equal to the newest cohort snapshot seen, from any event that carries the whole
 * cohort with its version (cohort-changed, cohort-started, cohort-completed): whichever brings the
 * newest version wins, so replays and late deliveries of older snapshots change nothing and the
 * copy never goes back in time. Each of those events' handlers hands its event here.
 */
@ApplicationScoped
public class CohortSnapshots {

  private static final Logger LOG = Logger.getLogger(CohortSnapshots.class);

  private final IntakeRepository intakes;

  CohortSnapshots(IntakeRepository intakes) {
    this.intakes = intakes;
  }

  /** Applies the snapshot in {@code event} (of this type) if it is newer than the intake. */
  void keepNewest(String type, IncomingEvent event) {
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
          "%s %s: version %d of cohort %s is not newer than %d, ignored",
          type, event.id(), cohort.version(), cohort.cohortId(), intake.cohortVersion);
      return;
    }
    cohort.copyTo(intake);
  }
}
