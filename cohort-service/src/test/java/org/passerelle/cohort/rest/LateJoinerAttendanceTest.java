package org.passerelle.cohort.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.cohort.LearnerStatus;
import org.passerelle.cohort.testing.Cohorts;
import org.passerelle.cohort.testing.Learners;
import org.passerelle.commons.testing.Api;

/**
 * A learner who joined a running cohort is on its roll from the day (at the site) they became
 * active, not before; learners the cohort's start made active are on it from its start date, even
 * when staff started it late.
 */
@QuarkusTest
class LateJoinerAttendanceTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Inject EntityManager entityManager;

  private static LocalDate start(UUID cohortId) {
    return LocalDate.parse(
        Api.as("platform-admin")
            .get(AttendanceDays.COHORTS + "/" + cohortId)
            .then()
            .extract()
            .path("startDate"));
  }

  private void sql(String sql, Object... parameters) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              var query = entityManager.createNativeQuery(sql);
              for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
              }
              query.executeUpdate();
            });
  }

  /** Staff started the cohort at this moment, which made its learners active. */
  private void startedAt(UUID cohort, OffsetDateTime at) {
    sql("update cohort set started_at = ?1 where id = ?2", at, cohort);
    sql("update cohort_learner set activated_at = ?1 where cohort_id = ?2", at, cohort);
  }

  private void activatedAt(UUID cohort, UUID learner, OffsetDateTime at) {
    sql(
        "update cohort_learner set activated_at = ?1 where cohort_id = ?2 and learner_id = ?3",
        at,
        cohort,
        learner);
  }

  private long recordsOn(UUID cohort, LocalDate day) {
    return Api.count(
        entityManager,
        "select count(*) from attendance r join cohort_learner l on l.id ="
            + " r.cohort_learner_id where l.cohort_id = '"
            + cohort
            + "' and r.session_date = '"
            + day
            + "'");
  }

  private static OffsetDateTime paris(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(PARIS).toOffsetDateTime();
  }

  @Test
  void aLearnerWhoJoinedTheRunningCohortIsNotRecordedBeforeTheDayTheyJoined() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> fromStart = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    LocalDate start = start(cohort);
    startedAt(cohort, paris(start, 9, 0));
    UUID late = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1).getFirst();
    // active from 00:30 in Paris on the fifth day: still the fourth day in UTC
    activatedAt(cohort, late, paris(start.plusDays(5), 0, 30));
    List<UUID> everyone = List.of(fromStart.get(0), fromStart.get(1), late);

    for (LocalDate before : List.of(start, start.plusDays(2), start.plusDays(4))) {
      AttendanceDays.of(everyone)
          .put("site-staff-fr", cohort, before)
          .statusCode(422)
          .contentType("application/problem+json")
          .body("errors.field", contains("records[2].learnerId"))
          .body("errors[0].message", containsString(late.toString()));
      assertThat(recordsOn(cohort, before)).isZero();
    }
    // the days before, the roll is those who were there
    AttendanceDays.of(fromStart).put("site-staff-fr", cohort, start.plusDays(4)).statusCode(200);
    assertThat(recordsOn(cohort, start.plusDays(4))).isEqualTo(2);
    // from the day they joined, they are on it
    AttendanceDays.of(everyone)
        .put("site-staff-fr", cohort, start.plusDays(5))
        .statusCode(200)
        .body("records", hasSize(3));
    assertThat(recordsOn(cohort, start.plusDays(5))).isEqualTo(3);
  }

  @Test
  void aLearnerSeatedInTheRunningCohortTodayIsRecordedFromToday() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> fromStart = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 1);
    LocalDate start = start(cohort);
    startedAt(cohort, paris(start, 9, 0));
    UUID joining = UUID.randomUUID();
    Learners.as("site-staff-fr")
        .body(
            "{\"learners\": [{\"learnerId\": \"%s\", \"applicationId\": \"%s\"}]}"
                .formatted(joining, Cohorts.application(cohort, joining)))
        .post(Learners.path(cohort))
        .then()
        .statusCode(200);
    List<UUID> everyone = List.of(fromStart.getFirst(), joining);
    LocalDate today = LocalDate.now(PARIS);

    AttendanceDays.of(everyone)
        .put("site-staff-fr", cohort, today.minusDays(1))
        .statusCode(422)
        .body("errors[0].message", containsString(joining.toString()));
    assertThat(recordsOn(cohort, today.minusDays(1))).isZero();
    AttendanceDays.of(everyone).put("site-staff-fr", cohort, today).statusCode(200);
    assertThat(recordsOn(cohort, today)).isEqualTo(2);
  }

  @Test
  void learnersTheStartMadeActiveAreRecordedFromTheStartDateEvenWhenItStartedLate() {
    UUID cohort = Cohorts.running("FR-SEVRAN", 20);
    List<UUID> learners = Cohorts.learners(cohort, LearnerStatus.ACTIVE, 2);
    LocalDate start = start(cohort);
    // staff pressed start on the third day: the first two were session days all the same
    startedAt(cohort, paris(start.plusDays(2), 10, 0));

    AttendanceDays.of(learners).put("site-staff-fr", cohort, start).statusCode(200);
    AttendanceDays.of(learners).put("site-staff-fr", cohort, start.plusDays(1)).statusCode(200);
    assertThat(recordsOn(cohort, start)).isEqualTo(2);
    assertThat(recordsOn(cohort, start.plusDays(1))).isEqualTo(2);
  }
}
