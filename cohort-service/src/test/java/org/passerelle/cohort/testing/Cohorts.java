package org.passerelle.cohort.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.cohort.Cohort;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.KnownApplication;
import org.passerelle.cohort.LearnerStatus;

/**
 * Cohorts and learners written straight to the database, in the state a test needs, for tests of
 * what comes after (attendance, certification, withdrawals). Tests of how they get there go through
 * the API and the events instead.
 */
public final class Cohorts {

  private Cohorts() {}

  /** A cohort at the site, in this status, running from {@code start} for twelve weeks. */
  public static UUID cohort(
      String site, String programme, CohortStatus status, int capacity, LocalDate start) {
    Cohort cohort = new Cohort();
    cohort.id = UUID.randomUUID();
    cohort.programmeCode = programme;
    cohort.siteCode = site;
    cohort.country = site.substring(0, 2);
    cohort.startDate = start;
    cohort.endDate = start.plusWeeks(12);
    cohort.capacity = capacity;
    cohort.recruitmentOpensOn = start.minusMonths(3);
    cohort.recruitmentClosesOn = start.minusDays(1);
    cohort.minimumAge = 18;
    cohort.status = status;
    cohort.createdAt = now();
    QuarkusTransaction.requiringNew().run(() -> entityManager().persist(cohort));
    return cohort.id;
  }

  /** A running WEB-DEV cohort at the site that started four weeks ago. */
  public static UUID running(String site, int capacity) {
    return cohort(site, "WEB-DEV", CohortStatus.RUNNING, capacity, LocalDate.now().minusWeeks(4));
  }

  /** {@code count} learners in the cohort, in this status, with fresh pseudonymous ids. */
  public static List<UUID> learners(UUID cohortId, LearnerStatus status, int count) {
    List<UUID> ids = new ArrayList<>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (int i = 0; i < count; i++) {
                ids.add(learner(cohortId, UUID.randomUUID(), status));
              }
            });
    return ids;
  }

  /** One learner in the cohort in this status, with the timestamps the status implies. */
  public static UUID learner(UUID cohortId, UUID learnerId, LearnerStatus status) {
    CohortLearner seat = new CohortLearner();
    seat.id = UUID.randomUUID();
    seat.cohortId = cohortId;
    seat.learnerId = learnerId;
    seat.applicationId = UUID.randomUUID();
    seat.status = status;
    OffsetDateTime now = now();
    seat.enrolledAt = now.minusWeeks(6);
    if (status == LearnerStatus.ACTIVE || status == LearnerStatus.COMPLETED) {
      seat.activatedAt = now.minusWeeks(4);
    }
    if (status == LearnerStatus.COMPLETED) {
      seat.completedAt = now;
    }
    if (status == LearnerStatus.WITHDRAWN) {
      seat.withdrawnAt = now;
    }
    if (status == LearnerStatus.TRANSFERRED) {
      throw new IllegalArgumentException("a transfer needs the other cohort: use the API");
    }
    QuarkusTransaction.joiningExisting()
        .run(
            () -> {
              entityManager().persist(seat);
              // A seat's application is one cohort-service learned from enrollment's events.
              known(cohortId, learnerId, seat.applicationId);
            });
    return learnerId;
  }

  /**
   * A fresh application of the learner to the cohort, as cohort-service learns it from
   * enrollment-service's events: staff may then seat the learner with it.
   */
  public static UUID application(UUID cohortId, UUID learnerId) {
    UUID applicationId = UUID.randomUUID();
    QuarkusTransaction.requiringNew().run(() -> known(cohortId, learnerId, applicationId));
    return applicationId;
  }

  /** The learner's application to the cohort, as cohort-service learns it from enrollment. */
  public static void applied(UUID cohortId, UUID learnerId, UUID applicationId) {
    QuarkusTransaction.requiringNew().run(() -> known(cohortId, learnerId, applicationId));
  }

  private static void known(UUID cohortId, UUID learnerId, UUID applicationId) {
    KnownApplication application = new KnownApplication();
    application.applicationId = applicationId;
    application.learnerId = learnerId;
    application.cohortId = cohortId;
    application.country = entityManager().find(Cohort.class, cohortId).country;
    application.learnedAt = now();
    entityManager().persist(application);
  }

  private static EntityManager entityManager() {
    return Arc.container().instance(EntityManager.class).get();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
