package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.passerelle.cohort.events.CohortOutbox.ENROLLED;
import static org.passerelle.cohort.events.CohortOutbox.TRANSFERRED;
import static org.passerelle.cohort.events.CohortOutbox.WITHDREW;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.rest.BulkEnrolmentTest.Entry;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * A learner holds one seat at a time: bulk enrolment refuses an application or a learner seated
 * elsewhere and points to a transfer; a transfer introduces the learner under the target's key; a
 * cancelled cohort's learners leave it by a transfer, not by a drop-out.
 */
@QuarkusTest
class OneSeatPerApplicationTest {

  private static final LocalDate LATER = LocalDate.now().plusMonths(2);

  @Inject EntityManager entityManager;

  private static UUID recruiting(String site, String programme) {
    return Cohorts.cohort(site, programme, CohortStatus.RECRUITING, 5, LATER);
  }

  private long outbox(UUID cohortId) {
    return CohortOutbox.count(entityManager, cohortId.toString());
  }

  @Test
  void bulkEnrolmentRefusesAnApplicationOrALearnerAlreadySeatedElsewhere() {
    UUID sevran = recruiting("FR-SEVRAN", "WEB-DEV");
    UUID cergy = recruiting("FR-CERGY", "WEB-DEV");
    UUID otherProgramme = recruiting("FR-CERGY", "DATA-ANALYST");
    UUID amina = Cohorts.learners(sevran, LearnerStatus.ENROLLED, 1).getFirst();
    Entry fresh = Entry.applied(cergy);

    // the same learner with a new application (the same application under another learner id is
    // not that learner's: 422, see SeatsForKnownApplicationsTest)
    for (Entry seatedElsewhere : List.of(new Entry(amina, Cohorts.application(cergy, amina)))) {
      Learners.as("country-admin-fr")
          .header("Accept-Language", "en")
          .body(BulkEnrolmentTest.body(List.of(fresh, seatedElsewhere)))
          .post(Learners.path(cergy))
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body(
              "detail",
              allOf(
                  containsString(seatedElsewhere.learnerId().toString()),
                  containsString(sevran.toString()),
                  containsString("transfer")));
    }
    // a site's staff are not told which cohort of another site holds the learner
    UUID sevranToo = recruiting("FR-SEVRAN", "WEB-DEV");
    UUID atCergy = Cohorts.learners(cergy, LearnerStatus.ENROLLED, 1).getFirst();
    Learners.as("site-staff-fr")
        .header("Accept-Language", "en")
        .body(
            BulkEnrolmentTest.body(
                List.of(new Entry(atCergy, Cohorts.application(sevranToo, atCergy)))))
        .post(Learners.path(sevranToo))
        .then()
        .statusCode(409)
        .body("detail", containsString("outside your scope"))
        .body("detail", not(containsString(cergy.toString())));
    assertThat(Learners.rows(sevranToo)).isEmpty();
    assertThat(Learners.rows(cergy)).as("all or nothing").hasSize(1);
    assertThat(outbox(cergy)).isZero();
    assertThat(Learners.seatsTaken(sevran)).isEqualTo(1);

    // in French and Arabic too
    Learners.as("country-admin-fr")
        .header("Accept-Language", "fr")
        .body(BulkEnrolmentTest.body(List.of(new Entry(amina, Cohorts.application(cergy, amina)))))
        .post(Learners.path(cergy))
        .then()
        .statusCode(409)
        .body("detail", containsString("transfert"));
    Learners.as("country-admin-fr")
        .header("Accept-Language", "ar")
        .body(BulkEnrolmentTest.body(List.of(new Entry(amina, Cohorts.application(cergy, amina)))))
        .post(Learners.path(cergy))
        .then()
        .statusCode(409)
        .body("detail", containsString("النقل"));

    // another programme is another training: the learner may follow it too
    BulkEnrolmentTest.enrol(
            "country-admin-fr",
            otherProgramme,
            null,
            BulkEnrolmentTest.body(
                List.of(new Entry(amina, Cohorts.application(otherProgramme, amina)))))
        .statusCode(200);
    assertThat(Learners.existing(otherProgramme, amina).status).isEqualTo(LearnerStatus.ENROLLED);

    // once the learner left their seat, they may be seated elsewhere with that application
    UUID withdrawn = Cohorts.learners(sevran, LearnerStatus.WITHDRAWN, 1).getFirst();
    UUID itsApplication = Learners.existing(sevran, withdrawn).applicationId;
    BulkEnrolmentTest.enrol(
            "country-admin-fr",
            cergy,
            null,
            BulkEnrolmentTest.body(List.of(new Entry(withdrawn, itsApplication))))
        .statusCode(200);
    assertThat(Learners.existing(cergy, withdrawn).applicationId).isEqualTo(itsApplication);
  }

  @Test
  void aTransferSaysLearnerEnrolledUnderTheTargetsKey() {
    UUID from = recruiting("FR-SEVRAN", "WEB-DEV");
    UUID to = recruiting("FR-CERGY", "WEB-DEV");
    UUID amina = Cohorts.learners(from, LearnerStatus.ENROLLED, 1).getFirst();
    UUID application = Learners.existing(from, amina).applicationId;

    LearnerTransferTest.transfer("country-admin-fr", from, to, List.of(amina)).statusCode(200);

    CohortLearner arrived = Learners.existing(to, amina);
    assertThat(CohortOutbox.events(entityManager, to.toString(), ENROLLED))
        .singleElement()
        .satisfies(
            data -> {
              assertThat(data.path("cohortId").asText()).isEqualTo(to.toString());
              assertThat(data.path("learnerId").asText()).isEqualTo(amina.toString());
              assertThat(data.path("applicationId").asText()).isEqualTo(application.toString());
              assertThat(data.path("site").asText()).isEqualTo("FR-CERGY");
              assertThat(data.path("enrolledAt").asText()).isNotBlank();
            });
    assertThat(arrived.status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(CohortOutbox.events(entityManager, from.toString(), TRANSFERRED)).hasSize(1);
    assertThat(CohortOutbox.events(entityManager, from.toString(), ENROLLED)).isEmpty();
  }

  @Test
  void aCancelledCohortsLearnersAreTransferredNotWithdrawn() {
    UUID cancelled = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.CANCELLED, 5, LATER);
    UUID target = recruiting("FR-SEVRAN", "WEB-DEV");
    List<UUID> learners = Cohorts.learners(cancelled, LearnerStatus.ENROLLED, 2);
    UUID leaving = learners.get(0);
    long versionBefore = Learners.existing(cancelled, leaving).version;

    for (String lang : List.of("en", "fr", "ar")) {
      Learners.as("country-admin-fr")
          .header("Accept-Language", lang)
          .body("{\"exitReason\": \"FOUND_JOB\"}")
          .post(Learners.path(cancelled, leaving) + "/withdraw")
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("detail", containsString(leaving.toString()));
    }
    Learners.as("country-admin-fr")
        .header("Accept-Language", "en")
        .body("{\"exitReason\": \"FOUND_JOB\"}")
        .post(Learners.path(cancelled, leaving) + "/withdraw")
        .then()
        .body("detail", containsString("Transfer"));
    CohortLearner unchanged = Learners.existing(cancelled, leaving);
    assertThat(unchanged.status).isEqualTo(LearnerStatus.ENROLLED);
    assertThat(unchanged.version).isEqualTo(versionBefore);
    assertThat(unchanged.exitReason).isNull();
    assertThat(CohortOutbox.events(entityManager, cancelled.toString(), WITHDREW)).isEmpty();

    LearnerTransferTest.transfer("country-admin-fr", cancelled, target, learners)
        .statusCode(200)
        .body("learners.status", equalTo(List.of("ENROLLED", "ENROLLED")));
    assertThat(Learners.seatsTaken(cancelled)).isZero();
    assertThat(Learners.seatsTaken(target)).isEqualTo(2);
    assertThat(Learners.existing(cancelled, leaving).status).isEqualTo(LearnerStatus.TRANSFERRED);
    assertThat(CohortOutbox.events(entityManager, cancelled.toString(), TRANSFERRED)).hasSize(2);
    assertThat(CohortOutbox.events(entityManager, target.toString(), ENROLLED)).hasSize(2);
    // a cohort that never ran frees no seat anyone could take
    assertThat(CohortOutbox.events(entityManager, cancelled.toString(), CohortOutbox.FREED))
        .isEmpty();
  }
}
