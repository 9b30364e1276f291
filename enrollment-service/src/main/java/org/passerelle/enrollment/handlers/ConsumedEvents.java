package org.passerelle.enrollment.handlers;

import java.util.List;
import org.passerelle.commons.events.ConsumedEvent;

/**
 * Every event enrollment-service consumes, each declared once: cohort-service's cohorts, which keep
 * the intakes, and its seats, which move the applications. The running consumers, the producer's
 * schemas and docs/events.md are checked against this list (ConsumedEventsTest).
 */
public final class ConsumedEvents {

  public static final ConsumedEvent<CohortScheduled> COHORT_SCHEDULED =
      ConsumedEvent.of("cohort", "cohort-scheduled", 1, CohortScheduled.class);
  public static final ConsumedEvent<CohortSnapshot> COHORT_CHANGED =
      ConsumedEvent.of("cohort", "cohort-changed", 1, CohortSnapshot.class);
  public static final ConsumedEvent<CohortSnapshot> COHORT_STARTED =
      ConsumedEvent.of("cohort", "cohort-started", 1, CohortSnapshot.class);
  public static final ConsumedEvent<CohortSnapshot> COHORT_COMPLETED =
      ConsumedEvent.of("cohort", "cohort-completed", 1, CohortSnapshot.class);
  public static final ConsumedEvent<CohortCancelled> COHORT_CANCELLED =
      ConsumedEvent.of("cohort", "cohort-cancelled", 1, CohortCancelled.class);
  public static final ConsumedEvent<LearnerEnrolled> LEARNER_ENROLLED =
      ConsumedEvent.of("cohort", "learner-enrolled", 1, LearnerEnrolled.class);
  public static final ConsumedEvent<LearnerTransferred> LEARNER_TRANSFERRED =
      ConsumedEvent.of("cohort", "learner-transferred", 1, LearnerTransferred.class);
  public static final ConsumedEvent<LearnerWithdrew> LEARNER_WITHDREW =
      ConsumedEvent.of("cohort", "learner-withdrew", 1, LearnerWithdrew.class);
  public static final ConsumedEvent<SeatFreed> SEAT_FREED =
      ConsumedEvent.of("cohort", "seat-freed", 1, SeatFreed.class);
  public static final ConsumedEvent<SeatUnavailable> SEAT_UNAVAILABLE =
      ConsumedEvent.of("cohort", "seat-unavailable", 1, SeatUnavailable.class);

  public static final List<ConsumedEvent<?>> ALL =
      List.of(
          COHORT_SCHEDULED,
          COHORT_CHANGED,
          COHORT_STARTED,
          COHORT_COMPLETED,
          COHORT_CANCELLED,
          LEARNER_ENROLLED,
          LEARNER_TRANSFERRED,
          LEARNER_WITHDREW,
          SEAT_FREED,
          SEAT_UNAVAILABLE);

  private ConsumedEvents() {}
}
