package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.cohort.rest.Certifications.certify;
import static org.passerelle.cohort.rest.Certifications.scalar;
import static org.passerelle.cohort.rest.Certifications.update;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.rest.BulkEnrolmentTest.Entry;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.testing.Api;

/**
 * The seats a cohort shows, kept on its row (ADR 0034), are always its learners enrolled or active,
 * whatever changed them: rows written, staff's enrolments, withdrawals, transfers there and back,
 * juries, and statements run by anyone else. The races of acceptances and enrolments for the last
 * seats are in SeatsTest, which reads the same figure.
 */
@QuarkusTest
class SeatsTakenTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);
  private static final String STAFF = "country-admin-fr";

  @Inject EntityManager entityManager;

  /** The seats taken the API shows for the cohort. */
  private static long shown(UUID cohortId) {
    return Api.as("platform-admin")
        .get("/api/v1/cohorts/" + cohortId)
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("seatsTaken");
  }

  /** What the API shows, checked against the learners' rows counted. */
  private static long exact(UUID cohortId) {
    long shown = shown(cohortId);
    assertThat(shown).as("seats shown = rows counted").isEqualTo(Learners.seatsTaken(cohortId));
    return shown;
  }

  private static UUID recruiting(String site, int capacity) {
    return Cohorts.cohort(site, "WEB-DEV", CohortStatus.RECRUITING, capacity, LATER);
  }

  @Test
  void everyChangeToTheRollMovesTheSeatsShown() {
    UUID from = recruiting("FR-SEVRAN", 8);
    UUID to = recruiting("FR-CERGY", 8);
    assertThat(exact(from)).isZero();

    List<UUID> enrolled = Cohorts.learners(from, LearnerStatus.ENROLLED, 3);
    UUID gone = Cohorts.learners(from, LearnerStatus.WITHDRAWN, 1).getFirst();
    assertThat(exact(from)).as("rows written straight to the table").isEqualTo(3);

    BulkEnrolmentTest.enrol(
            STAFF,
            from,
            null,
            BulkEnrolmentTest.body(
                List.of(
                    Entry.applied(from),
                    Entry.applied(from),
                    new Entry(gone, Cohorts.application(from, gone)))))
        .statusCode(200);
    assertThat(exact(from)).as("two new seats and a withdrawn learner back").isEqualTo(6);

    Learners.as(STAFF)
        .body("{\"exitReason\": \"HEALTH\"}")
        .post(Learners.path(from, enrolled.get(0)) + "/withdraw")
        .then()
        .statusCode(200);
    assertThat(exact(from)).isEqualTo(5);

    LearnerTransferTest.transfer(STAFF, from, to, enrolled.subList(1, 3)).statusCode(200);
    assertThat(exact(from)).isEqualTo(3);
    assertThat(exact(to)).isEqualTo(2);

    LearnerTransferTest.transfer(STAFF, to, from, List.of(enrolled.get(1))).statusCode(200);
    assertThat(exact(from)).as("back on the learner's earlier row").isEqualTo(4);
    assertThat(exact(to)).isEqualTo(1);

    update(
        entityManager,
        "update cohort_learner set status = 'WITHDRAWN', withdrawn_at = now()"
            + " where cohort_id = ?1 and learner_id = ?2",
        from,
        enrolled.get(1));
    assertThat(exact(from)).as("a statement run outside the service").isEqualTo(3);
    update(
        entityManager,
        "update cohort_learner set exit_comment = 'erased' where cohort_id = ?1",
        from);
    assertThat(exact(from)).as("a change that moves no seat").isEqualTo(3);
    update(
        entityManager,
        "delete from cohort_learner where cohort_id = ?1 and learner_id = ?2",
        to,
        enrolled.get(2));
    assertThat(exact(to)).isZero();
  }

  @Test
  void aJuryFreesTheSeatOfTheLearnerItCompletes() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> active = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    assertThat(exact(cohort)).isEqualTo(2);

    certify("site-staff-fr", cohort, active.get(0), "CERTIFIED");

    assertThat(exact(cohort)).isEqualTo(1);
  }

  /**
   * Run after or beside the other tests of the module, which seat, withdraw and move learners in
   * every way and at the same time: no cohort in the database shows another figure than its rows.
   */
  @Test
  void noCohortDisagreesWithItsRows() {
    Object disagreeing =
        scalar(
            entityManager,
            "select count(*) from cohort c where c.seats_taken <> (select count(*)"
                + " from cohort_learner l where l.cohort_id = c.id"
                + " and l.status in ('ENROLLED', 'ACTIVE'))");
    assertThat(((Number) disagreeing).longValue()).isZero();
  }
}
