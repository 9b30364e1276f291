package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.passerelle.cohort.events.CohortOutbox.FREED;
import static org.passerelle.cohort.events.CohortOutbox.LEARNER_COMPLETED;
import static org.passerelle.cohort.events.CohortOutbox.WITHDREW;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.CohortLearner;
import org.passerelle.cohort.CohortStatus;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.events.CohortOutbox;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;

/**
 * Staff record a departure or a jury after the fact (ADR 0030): the learner left, or completed, on
 * the day named, in the site's calendar, within the cohort's dates and never in the future; the
 * events carry that day.
 */
@QuarkusTest
class RecordedAfterTheFactTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject EntityManager entityManager;

  private static LocalDate today() {
    return LocalDate.now(PARIS);
  }

  /** The start of that day at a French site, as stored (UTC). */
  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(PARIS).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
  }

  private static ValidatableResponse withdraw(UUID cohort, UUID learner, String withdrawnOn) {
    String on = withdrawnOn == null ? "" : ", \"withdrawnOn\": \"" + withdrawnOn + "\"";
    return Learners.as("site-staff-fr")
        .body("{\"exitReason\": \"HEALTH\"" + on + "}")
        .post(Learners.path(cohort, learner) + "/withdraw")
        .then();
  }

  @Test
  void aDepartureLastWeekIsRecordedOnItsDay() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 10);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    LocalDate lastWeek = today().minusWeeks(1);
    withdraw(cohort, learner, lastWeek.toString())
        .statusCode(200)
        .body("status", equalTo("WITHDRAWN"));
    CohortLearner row = Learners.existing(cohort, learner);
    assertThat(row.withdrawnAt).isEqualTo(startOf(lastWeek));
    JsonNode withdrew = CohortOutbox.events(entityManager, cohort.toString(), WITHDREW).getFirst();
    assertThat(OffsetDateTime.parse(withdrew.path("withdrawnAt").asText()))
        .isEqualTo(startOf(lastWeek));
    assertThat(withdrew.path("beforeStart").asBoolean()).isFalse();
  }

  @Test
  void withoutADayOrWithTodayTheDepartureIsNow() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 10);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    withdraw(cohort, learners.get(0), null).statusCode(200);
    withdraw(cohort, learners.get(1), today().toString()).statusCode(200);
    for (UUID learner : learners) {
      assertThat(Learners.existing(cohort, learner).withdrawnAt).isAfterOrEqualTo(before);
    }
  }

  @Test
  void aDepartureIsNeitherInTheFutureNorBeforeAStartedCohortsStart() {
    LocalDate start = today().minusWeeks(4);
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 10, start);
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    withdraw(cohort, learner, today().plusDays(1).toString())
        .statusCode(400)
        .body("errors[0].field", equalTo("withdrawnOn"));
    withdraw(cohort, learner, start.minusDays(1).toString())
        .statusCode(400)
        .body("errors[0].field", equalTo("withdrawnOn"))
        .body("errors[0].message", containsString(start.toString()));
    assertThat(Learners.existing(cohort, learner).status).isEqualTo(LearnerStatus.ACTIVE);
    assertThat(CohortOutbox.events(entityManager, cohort.toString(), WITHDREW)).isEmpty();
    withdraw(cohort, learner, start.toString()).statusCode(200);
  }

  @Test
  void aDepartureFallsAfterTheLastDayTheLearnerCame() {
    LocalDate start = today().minusWeeks(4);
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 10, start);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    UUID leaver = learners.get(0);
    AttendanceDays.of(learners).put("site-staff-fr", cohort, start).statusCode(200);
    // absent the next two days: they may have left on the first of them
    for (int day = 1; day <= 2; day++) {
      AttendanceDays.of(learners)
          .set(leaver, "UNEXCUSED_ABSENCE")
          .put("site-staff-fr", cohort, start.plusDays(day))
          .statusCode(200);
    }
    withdraw(cohort, leaver, start.toString())
        .statusCode(400)
        .body("errors[0].field", equalTo("withdrawnOn"))
        .body("errors[0].message", containsString(start.toString()));
    withdraw(cohort, leaver, start.plusDays(1).toString()).statusCode(200);
    assertThat(Learners.existing(cohort, leaver).withdrawnAt).isEqualTo(startOf(start.plusDays(1)));
  }

  @Test
  void aPastDepartureBeforeTheStartGivesTheSeatBackNow() {
    UUID cohort =
        Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RECRUITING, 10, today().plusMonths(1));
    UUID learner = Cohorts.learners(cohort, LearnerStatus.ENROLLED, 1).getFirst();
    withdraw(cohort, learner, today().minusDays(3).toString()).statusCode(200);
    assertThat(Learners.existing(cohort, learner).withdrawnAt)
        .isEqualTo(startOf(today().minusDays(3)));
    JsonNode withdrew = CohortOutbox.events(entityManager, cohort.toString(), WITHDREW).getFirst();
    assertThat(withdrew.path("beforeStart").asBoolean()).isTrue();
    JsonNode freed = CohortOutbox.events(entityManager, cohort.toString(), FREED).getFirst();
    assertThat(freed.toString()).contains(learner.toString());
    assertThat(Learners.seatsTaken(cohort)).isZero();
  }

  @Test
  void aJuryHeldLastMonthCompletesTheLearnerOnItsDay() {
    LocalDate start = today().minusWeeks(14);
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.COMPLETED, 10, start);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    LocalDate jury = today().minusMonths(1);
    Certifications.record(
            "site-staff-fr", cohort, Certifications.body(learners.get(0), "CERTIFIED", null, jury))
        .statusCode(201);
    assertThat(Learners.existing(cohort, learners.get(0)).completedAt).isEqualTo(startOf(jury));
    JsonNode completed =
        CohortOutbox.events(entityManager, cohort.toString(), LEARNER_COMPLETED).getFirst();
    assertThat(OffsetDateTime.parse(completed.path("completedAt").asText()))
        .isEqualTo(startOf(jury));
    assertThat(completed.path("certification").path("certifiedOn").asText())
        .isEqualTo(jury.toString());
  }

  @Test
  void aLearnerWhoCameAfterTheJurysDayCompletesOnTheLastDayTheyCame() {
    LocalDate start = today().minusWeeks(4);
    UUID cohort = Cohorts.cohort("FR-SEVRAN", "WEB-DEV", CohortStatus.RUNNING, 10, start);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1);
    AttendanceDays.of(learners).put("site-staff-fr", cohort, start.plusDays(3)).statusCode(200);
    AttendanceDays.of(learners)
        .set(learners.getFirst(), "UNEXCUSED_ABSENCE")
        .put("site-staff-fr", cohort, start.plusDays(4))
        .statusCode(200);
    Certifications.record(
            "site-staff-fr",
            cohort,
            Certifications.body(learners.getFirst(), "NOT_CERTIFIED", List.of(), start.plusDays(1)))
        .statusCode(201);
    assertThat(Learners.existing(cohort, learners.getFirst()).completedAt)
        .isEqualTo(startOf(start.plusDays(3)));
  }
}
